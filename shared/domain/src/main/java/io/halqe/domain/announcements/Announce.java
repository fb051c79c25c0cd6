package io.halqe.domain.announcements;

import io.halqe.domain.core.Problem;
import io.halqe.domain.survey.Branding;
import io.halqe.domain.cases.CustomerEmail;
import io.halqe.domain.core.DeliveryLedger;
import io.halqe.domain.core.Mailer;
import io.halqe.domain.response.Enrichment;
import io.halqe.domain.core.ItemFailure;
import io.halqe.domain.core.Page;
import io.halqe.domain.parking.ParkedWork;
import io.halqe.domain.response.Response;
import io.halqe.domain.response.ResponseRepository;
import io.halqe.domain.response.ResponseStatus;
import io.halqe.domain.suppression.SuppressionList;
import io.halqe.domain.suppression.UnsubscribeLinks;
import io.halqe.domain.text.EmailAddresses;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code POST /api/announcements} — "you asked, we did": every customer whose enriched feedback on a survey matched a
 * theme and/or feedback type (optionally within a time window) is told what changed, in the language they answered in.
 * One email per customer address, none to suppressed addresses. The announcement's id is derived from its content, so
 * posting it again — after a timeout, say — only reaches the customers the first attempt did not.
 */
public final class Announce {

    private static final Set<String> LANGUAGES = Set.of("en", "fa", "ar");
    private static final int PAGE_SIZE = 100;
    private static final int MAX_MESSAGE = 5000;

    public record Request(String surveyId, String theme, String feedbackType, Instant from, Instant to, String message,
                          Map<String, String> messages) {
    }

    public sealed interface Outcome {
        /** Counts per recipient address, not per response: {@code matchedResponses} is the only per-response figure. */
        /** {@code failed} customers were not reached: the announcement is parked as {@code parkedId} to re-queue. */
        record Sent(String announcementId, int matchedResponses, int customers, int notified, int alreadyNotified,
                    int suppressed, int withoutEmail, int failed, String parkedId) implements Outcome {
        }

        record Invalid(Problem problem) implements Outcome {
        }
    }

    private final ResponseRepository responses;
    private final Mailer mailer;
    private final SuppressionList suppression;
    private final UnsubscribeLinks unsubscribe;
    private final Branding brand;
    private final DeliveryLedger ledger;
    private final ParkedWork parked;

    public Announce(ResponseRepository responses, Mailer mailer, SuppressionList suppression, UnsubscribeLinks unsubscribe,
                    Branding brand, DeliveryLedger ledger, ParkedWork parked) {
        this.responses = responses;
        this.mailer = mailer;
        this.suppression = suppression;
        this.unsubscribe = unsubscribe;
        this.ledger = ledger;
        this.brand = brand;
        this.parked = parked;
    }

    public Outcome announce(Request request, Instant at) {
        var problem = problemOf(request);
        if (problem != null) {
            return new Outcome.Invalid(problem);
        }
        String announcementId = idOf(request);
        Audience audience = audienceOf(request);
        Map<String, Recipient> recipients = audience.recipients();
        int matched = audience.matched();
        int withoutEmail = audience.withoutEmail();

        int notified = 0;
        int already = 0;
        int suppressed = 0;
        int failed = 0;
        RuntimeException firstFailure = null;
        for (var entry : recipients.entrySet()) {
            Recipient recipient = entry.getValue();
            if (suppression.isSuppressed(recipient.email())) {
                suppressed++;
                continue;
            }
            boolean sent;
            try {
                sent = ledger.once(claimKey(announcementId, entry.getKey()), at, () -> mailer.send(
                        CustomerEmail.build(CustomerEmail.Purpose.ANNOUNCEMENT, recipient.email(), recipient.language(),
                                messageFor(request, recipient.language()), unsubscribe.urlFor(recipient.email(), at), brand)));
            } catch (RuntimeException failure) {
                // the others still hear; this one's claim was given back, so announcing again reaches it alone
                firstFailure = firstFailure == null ? failure : firstFailure;
                failed++;
                continue;
            }
            if (!sent) {
                already++;
                continue;
            }
            notified++;
        }
        String parkedId = null;
        if (firstFailure != null) {
            // the SDK retried each send already; the customers not reached wait for a team to re-queue it
            var entry = ParkedWork.Parked.of(ParkedWork.Kind.ANNOUNCEMENT, announcementId, ItemFailure.reason(firstFailure),
                    failed, at, detailOf(request));
            parked.park(entry);
            parkedId = entry.id();
        }
        return new Outcome.Sent(announcementId, matched, recipients.size(), notified, already, suppressed, withoutEmail,
                failed, parkedId);
    }

    /**
     * {@code POST /api/announcements/audience}: whom this announcement would reach, counted as {@link #announce}
     * counts — without sending or claiming anything. {@code byLanguage} splits those who would be told now by the
     * language they answered in (none counts as en), which picks their words; {@code alreadyNotified} needs the
     * message, since the announcement's id is its content (without one it is 0).
     */
    public AudienceOutcome audience(Request request, Instant at) {
        boolean worded = request.message() != null || request.messages() != null;
        Problem problem = worded ? problemOf(request) : audienceProblem(request);
        if (problem != null) {
            return new AudienceOutcome.Invalid(problem);
        }
        Audience audience = audienceOf(request);
        String announcementId = worded ? idOf(request) : null;
        int suppressed = 0;
        int already = 0;
        Map<String, Integer> byLanguage = new TreeMap<>();
        for (var entry : audience.recipients().entrySet()) {
            if (suppression.isSuppressed(entry.getValue().email())) {
                suppressed++;
            } else if (announcementId != null && ledger.claimed(claimKey(announcementId, entry.getKey()), at)) {
                already++;
            } else {
                String language = entry.getValue().language() == null ? "en" : entry.getValue().language();
                byLanguage.merge(language, 1, Integer::sum);
            }
        }
        int recipients = audience.recipients().size();
        return new AudienceOutcome.Counted(audience.matched(), recipients, recipients - suppressed - already,
                byLanguage, audience.withoutEmail(), suppressed, already);
    }

    public sealed interface AudienceOutcome {
        /** {@code toNotify} is what a send now would notify (barring failures); {@code byLanguage} sums to it. */
        record Counted(int matchedResponses, int customers, int toNotify, Map<String, Integer> byLanguage,
                       int withoutEmail, int suppressed, int alreadyNotified) implements AudienceOutcome {
        }

        record Invalid(Problem problem) implements AudienceOutcome {
        }
    }

    private record Audience(int matched, int withoutEmail, Map<String, Recipient> recipients) {
    }

    private Audience audienceOf(Request request) {
        int matched = 0;
        int withoutEmail = 0;
        // first matching answer per address decides the language; keyed lower-case so one inbox gets one email
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        for (Response response : Page.all(cursor -> responses.listBySurvey(request.surveyId(), PAGE_SIZE, cursor))) {
            if (!matches(response, request)) {
                continue;
            }
            matched++;
            String email = response.enrichment().customer() == null ? null : response.enrichment().customer().email();
            if (email == null || email.isBlank()) {
                withoutEmail++;
                continue;
            }
            recipients.putIfAbsent(EmailAddresses.canonical(email), new Recipient(email.strip(), response.language()));
        }
        return new Audience(matched, withoutEmail, recipients);
    }

    private static String claimKey(String announcementId, String canonicalEmail) {
        return "announce#" + announcementId + "#" + SuppressionList.idOf(canonicalEmail);
    }

    /** The request as parked work keeps it, to announce again on re-queue (which reaches only those not reached). */
    static Map<String, String> detailOf(Request request) {
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("surveyId", request.surveyId());
        putIfPresent(detail, "theme", request.theme());
        putIfPresent(detail, "feedbackType", request.feedbackType());
        putIfPresent(detail, "from", request.from() == null ? null : request.from().toString());
        putIfPresent(detail, "to", request.to() == null ? null : request.to().toString());
        detail.put("message", request.message());
        if (request.messages() != null) {
            request.messages().forEach((language, text) -> detail.put("messages." + language, text));
        }
        return detail;
    }

    public static Request requestOf(Map<String, String> detail) {
        Map<String, String> messages = new TreeMap<>();
        detail.forEach((name, value) -> {
            if (name.startsWith("messages.")) {
                messages.put(name.substring("messages.".length()), value);
            }
        });
        return new Request(detail.get("surveyId"), detail.get("theme"), detail.get("feedbackType"),
                detail.get("from") == null ? null : Instant.parse(detail.get("from")),
                detail.get("to") == null ? null : Instant.parse(detail.get("to")), detail.get("message"),
                messages.isEmpty() ? null : messages);
    }

    private static void putIfPresent(Map<String, String> detail, String name, String value) {
        if (value != null) {
            detail.put(name, value);
        }
    }

    private record Recipient(String email, String language) {
    }

    private static boolean matches(Response response, Request request) {
        Enrichment enrichment = response.enrichment();
        if (response.status() != ResponseStatus.ENRICHED || enrichment == null) {
            return false;
        }
        if (request.theme() != null && (enrichment.themes() == null || !enrichment.themes().contains(request.theme()))) {
            return false;
        }
        if (request.feedbackType() != null && !request.feedbackType().equals(enrichment.feedbackType())) {
            return false;
        }
        Instant answered = response.submittedAt();
        return (request.from() == null || !answered.isBefore(request.from()))
                && (request.to() == null || answered.isBefore(request.to()));
    }

    private static String messageFor(Request request, String language) {
        if (request.messages() != null && request.messages().get(language) != null) {
            return request.messages().get(language);
        }
        return request.message();
    }

    private static Problem audienceProblem(Request request) {
        if (request.surveyId() == null || request.surveyId().isBlank()) {
            return new Problem("surveyId", "is required");
        }
        if (request.theme() == null && request.feedbackType() == null) {
            return new Problem("theme", "or feedbackType is required: an announcement goes to the feedback it answers");
        }
        if (request.from() != null && request.to() != null && !request.from().isBefore(request.to())) {
            return new Problem("from", "must be before to");
        }
        return null;
    }

    private static Problem problemOf(Request request) {
        Problem audience = audienceProblem(request);
        if (audience != null) {
            return audience;
        }
        if (request.message() == null || request.message().isBlank() || request.message().length() > MAX_MESSAGE) {
            return new Problem("message", "is required (at most " + MAX_MESSAGE + " characters)");
        }
        if (request.messages() != null) {
            for (var entry : request.messages().entrySet()) {
                if (!LANGUAGES.contains(entry.getKey())) {
                    return new Problem("messages." + entry.getKey(), "is not a supported language (en, fa, ar)");
                }
                String text = entry.getValue();
                if (text == null || text.isBlank() || text.length() > MAX_MESSAGE) {
                    return new Problem("messages." + entry.getKey(),
                            "must be non-blank text of at most " + MAX_MESSAGE + " characters");
                }
            }
        }
        return null;
    }

    /** The same announcement (same audience, same words) has the same id, which is what makes a re-post resume. */
    static String idOf(Request request) {
        var canonical = new StringBuilder();
        for (String part : new String[] {request.surveyId(), request.theme(), request.feedbackType(),
                String.valueOf(request.from()), String.valueOf(request.to()), request.message()}) {
            canonical.append(part).append('\u0000');
        }
        if (request.messages() != null) {
            new TreeMap<>(request.messages()).forEach((language, text) -> canonical.append(language).append('=')
                    .append(text).append('\u0000'));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return "ann-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required of every JVM", impossible);
        }
    }
}
