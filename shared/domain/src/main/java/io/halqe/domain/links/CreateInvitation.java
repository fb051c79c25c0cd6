package io.halqe.domain.links;

import io.halqe.domain.core.Problem;
import io.halqe.domain.core.Customer;

import io.halqe.domain.core.Mailer;
import io.halqe.domain.email.BrandedEmail;
import io.halqe.domain.email.EmailScale;
import io.halqe.domain.survey.Branding;
import io.halqe.domain.customers.CustomerDirectory;
import io.halqe.domain.customers.CustomerProfile;
import io.halqe.domain.customers.CustomerValidator;
import io.halqe.domain.outreach.ContactDecision;
import io.halqe.domain.outreach.ContactGate;
import io.halqe.domain.outreach.InvitationSender;
import io.halqe.domain.outreach.Outreach;
import io.halqe.domain.outreach.OutreachRepository;
import io.halqe.domain.survey.Survey;
import io.halqe.domain.survey.SurveyRepository;
import io.halqe.domain.text.EmailAddresses;
import io.halqe.domain.text.Html;
import io.halqe.domain.text.PhoneNumbers;
import io.halqe.domain.text.LanguageTags;
import io.halqe.domain.text.TextNormalizer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /api/invitations}: a signed link for one customer, carrying the survey's declared hidden fields, and —
 * for the email and sms channels — the invitation sent in the customer's language.
 */
public final class CreateInvitation implements InvitationSender {

    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(30);
    private static final int MAX_HIDDEN_VALUE = 500;

    public record Request(String surveyId, String channel, Customer customer, Map<String, String> hidden,
                          Integer expiresInDays) {
    }

    public sealed interface Outcome {
        /**
         * {@code delivered} is false when the email or SMS was not sent now; {@code reason} says why (the contact
         * policy's: suppressed, frequency_cap with {@code nextAllowedAt}, quiet_hours with {@code deferredUntil}, when
         * it goes out by itself). {@code smsSegments} is how many SMS the text takes (sms channel only).
         */
        record Created(Invitation invitation, String token, String url, boolean delivered, String reason,
                       Instant nextAllowedAt, Instant deferredUntil, Integer smsSegments) implements Outcome {
        }

        record Invalid(Problem problem) implements Outcome {
        }

        record SurveyNotFound(String surveyId) implements Outcome {
        }
    }

    private final SurveyRepository surveys;
    private final InvitationLinks links;
    private final InvitationChannels channels;
    private final ContactGate gate;
    private final OutreachRepository outreach;
    private final CustomerDirectory directory;
    private final String publicBaseUrl;

    public CreateInvitation(SurveyRepository surveys, InvitationLinks links, InvitationChannels channels, ContactGate gate,
                            OutreachRepository outreach, CustomerDirectory directory, String publicBaseUrl) {
        this.surveys = surveys;
        this.gate = gate;
        this.outreach = outreach;
        this.directory = directory;
        this.links = links;
        this.channels = channels;
        this.publicBaseUrl = publicBaseUrl;
    }

    public Outcome create(Request request, Instant now) {
        String channel = request.channel() == null ? "link" : request.channel().toLowerCase(Locale.ROOT);
        if (!List.of("link", "email", "sms").contains(channel)) {
            return new Outcome.Invalid(new Problem("channel", "must be link, email or sms"));
        }
        if (request.surveyId() == null || request.surveyId().isBlank()) {
            return new Outcome.Invalid(new Problem("surveyId", "is required"));
        }
        var found = surveys.find(request.surveyId());
        if (found.isEmpty()) {
            return new Outcome.SurveyNotFound(request.surveyId());
        }
        Survey survey = found.get();
        Customer asked = request.customer() == null ? new Customer(null, null, null, null, null) : request.customer();
        Optional<Problem> malformed = CustomerValidator.checkInvited(asked, "customer.");
        if (malformed.isPresent()) {
            return new Outcome.Invalid(malformed.get());
        }
        // the directory fills in what the request leaves out (language, address, phone) for a known customer
        Optional<CustomerProfile> profile = asked.id() == null ? Optional.empty() : directory.find(asked.id());
        Customer customer = profile.map(known -> asked.orElse(known.asCustomer())).orElse(asked).identified();
        if (channel.equals("email") && !EmailAddresses.isAddress(customer.email())) {
            return new Outcome.Invalid(new Problem("customer.email", "must be an email address for the email channel"));
        }
        if (channel.equals("sms") && !PhoneNumbers.isE164(customer.phone())) {
            return new Outcome.Invalid(new Problem("customer.phone", "must be an E.164 number such as +989121234567 for the sms channel"));
        }
        Map<String, String> hidden = new LinkedHashMap<>();
        if (request.hidden() != null) {
            for (var entry : request.hidden().entrySet()) {
                if (!survey.hiddenFields().contains(entry.getKey())) {
                    return new Outcome.Invalid(new Problem("hidden." + entry.getKey(), "is not a hidden field of survey " + survey.id()
                            + " (declared: " + survey.hiddenFields() + ")"));
                }
                if (entry.getValue() == null || entry.getValue().length() > MAX_HIDDEN_VALUE) {
                    return new Outcome.Invalid(new Problem("hidden." + entry.getKey(), "must be a text of at most " + MAX_HIDDEN_VALUE + " characters"));
                }
                hidden.put(entry.getKey(), TextNormalizer.normalize(entry.getValue(), null));
            }
        }
        int days = request.expiresInDays() == null ? (int) DEFAULT_VALIDITY.toDays() : request.expiresInDays();
        if (days < 1 || days > 365) {
            return new Outcome.Invalid(new Problem("expiresInDays", "must be from 1 to 365"));
        }
        String language = survey.language(LanguageTags.primary(customer.locale()));
        boolean suppressed = gate.suppressedAnywhere(customer);
        if (customer.id() != null && !suppressed) {
            // one person, one record: whoever we invite is in the directory, so closing the loop can reach them
            directory.fillIn(CustomerProfile.known(customer, profile.map(CustomerProfile::timeZone).orElse(null)));
        }
        // an unsubscribed or erased person is recorded nowhere again: their link (if handed out) answers anonymously
        Invitation invitation = new Invitation(UUID.randomUUID().toString(), survey.id(),
                suppressed ? new Customer(null, null, null, null, customer.locale()) : customer, hidden, channel,
                now.plus(Duration.ofDays(days)));
        String token = links.issue(invitation, now);
        String url = url(survey, language, token);
        if (channel.equals("link")) {
            return new Outcome.Created(invitation, token, url, true, null, null, null, null);
        }
        Integer segments = channel.equals("sms") ? SmsSegments.count(InvitationMessages.sms(survey, language, url, false)) : null;
        // sent through the API or swept, an invitation meets the same contact policy
        Outreach asOutreach = new Outreach(invitation.id(), Outreach.Kind.INVITATION, survey.id(), channel, customer,
                profile.map(CustomerProfile::timeZone).orElse(null), hidden, invitation.id(), null, 0, now);
        return switch (gate.admit(asOutreach, now, false)) {
            case ContactDecision.Contact contact -> {
                try {
                    deliver(survey, customer, channel, language, url, false, now);
                } catch (io.halqe.domain.core.Undeliverable refused) {
                    // the provider will never take this address; the link stands, to be handed over another way
                    yield new Outcome.Created(invitation, token, url, false, "undeliverable", null, null, segments);
                }
                yield new Outcome.Created(invitation, token, url, true, null, null, null, segments);
            }
            case ContactDecision.Defer defer -> {
                // the sweep sends it when quiet hours end, under the same invitation id (this link stays valid)
                outreach.schedule(asOutreach.withDueAt(defer.until()));
                yield new Outcome.Created(invitation, token, url, false, "quiet_hours", null, defer.until(), segments);
            }
            case ContactDecision.Skip skip -> new Outcome.Created(invitation, token, url, false, skip.reason(),
                    skip.reason().equals("frequency_cap") ? gate.nextAllowedAt(asOutreach, now).orElse(null) : null, null,
                    segments);
        };
    }

    private void deliver(Survey survey, Customer customer, String channel, String language, String url, boolean reminder,
                         Instant now) {
        if (channel.equals("sms")) {
            channels.sms().send(customer.phone(), InvitationMessages.sms(survey, language, url, reminder));
        } else {
            channels.mailer().send(InvitationMessages.email(survey, customer, language, url, reminder,
                    channels.unsubscribe().urlFor(customer.email(), now), survey.branding().over(channels.brand())));
        }
    }

    /**
     * Scheduled outreach (the sweep has applied the contact policy): the invitation under the outreach's invitation
     * id, so a reminder carries the same invitation and one answer covers both.
     */
    @Override
    public boolean send(Outreach outreach, Instant now) {
        var found = surveys.find(outreach.surveyId());
        if (found.isEmpty()) {
            return false;
        }
        Survey survey = found.get();
        String language = survey.language(LanguageTags.primary(outreach.customer().locale()));
        String token = links.issue(new Invitation(outreach.invitationId(), survey.id(), outreach.customer(),
                outreach.hidden(), outreach.channel(), now.plus(DEFAULT_VALIDITY)), now);
        String url = url(survey, language, token);
        deliver(survey, outreach.customer(), outreach.channel(), language, url, outreach.kind() == Outreach.Kind.REMINDER,
                now);
        return true;
    }

    private String url(Survey survey, String language, String token) {
        return publicBaseUrl + "/s/" + survey.id() + "?lang=" + language + "&t=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** Localized invitation texts; every value from the CRM or the survey is escaped in HTML. */
    static final class InvitationMessages {

        private InvitationMessages() {
        }

        static Mailer.Email email(Survey survey, Customer customer, String language, String url, boolean reminder,
                                  String unsubscribeUrl, Branding brand) {
            String name = customer.name() == null ? null : Html.singleLine(customer.name());
            String greeting = switch (language) {
                case "fa" -> name == null ? "سلام،" : "سلام " + name + "،";
                case "ar" -> name == null ? "مرحبًا،" : "مرحبًا " + name + "،";
                default -> name == null ? "Hello," : "Hello " + name + ",";
            };
            String ask = reminder ? switch (language) {
                case "fa" -> "یادآوری کوتاه: هنوز خوشحال می‌شویم نظرتان را بدانیم. فقط یک دقیقه وقت می‌گیرد.";
                case "ar" -> "تذكير سريع: ما زلنا نود معرفة رأيك. لن يستغرق الأمر سوى دقيقة.";
                default -> "A quick reminder: we would still love to hear from you. It takes a minute.";
            } : switch (language) {
                case "fa" -> "نظر شما برای ما مهم است. لطفاً به چند سؤال کوتاه پاسخ دهید.";
                case "ar" -> "رأيك يهمنا. يرجى الإجابة على بضعة أسئلة قصيرة.";
                default -> "Your opinion matters to us. Please answer a few short questions.";
            };
            String button = switch (language) {
                case "fa" -> "پاسخ به نظرسنجی";
                case "ar" -> "أجب عن الاستبيان";
                default -> "Answer the survey";
            };
            String subject = (reminder ? switch (language) {
                case "fa" -> "یادآوری: ";
                case "ar" -> "تذكير: ";
                default -> "Reminder: ";
            } : "") + (survey.emailSubject() != null ? survey.emailSubject().in(language, survey.defaultLanguage())
                    : survey.nameIn(language));
            StringBuilder html = new StringBuilder(BrandedEmail.paragraph(greeting)).append(BrandedEmail.paragraph(ask));
            StringBuilder text = new StringBuilder(greeting).append("\n\n").append(ask).append("\n");
            survey.firstScaleQuestion().ifPresent(question -> {
                html.append(EmailScale.html(question, survey.defaultLanguage(), language, url));
                text.append("\n").append(Html.singleLine(question.textIn(language, survey.defaultLanguage()))).append("\n");
            });
            html.append(BrandedEmail.button(brand, url, button));
            text.append(url).append("\n");
            return BrandedEmail.build(customer.email(), subject, language, survey.defaultLanguage(), brand,
                    html.toString(), text.toString(), unsubscribeUrl);
        }

        static String sms(Survey survey, String language, String url, boolean reminder) {
            String name = survey.nameIn(language);
            String own = survey.smsText() == null ? null : survey.smsText().in(language, survey.defaultLanguage());
            String ask = reminder ? switch (language) {
                case "fa" -> "یادآوری: " + (own != null ? own : "نظر شما درباره " + name + ":");
                case "ar" -> "تذكير: " + (own != null ? own : "رأيك في " + name + ":");
                default -> own != null ? "Reminder: " + own : "Reminder: tell us what you think of " + name + ":";
            } : own != null ? own : switch (language) {
                case "fa" -> "نظر شما درباره " + name + ":";
                case "ar" -> "رأيك في " + name + ":";
                default -> "Tell us what you think of " + name + ":";
            };
            return Html.singleLine(ask) + " " + url;
        }
    }
}
