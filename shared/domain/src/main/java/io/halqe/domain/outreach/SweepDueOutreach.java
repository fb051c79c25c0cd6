package io.halqe.domain.outreach;

import io.halqe.domain.cases.Mailer;
import io.halqe.domain.text.Html;
import java.time.Instant;
import java.util.List;

/**
 * Sends what has fallen due, in bounded batches. Overlapping sweeps are safe: each item is claimed with a
 * conditional write before it is sent, so it goes out at most once.
 */
public final class SweepDueOutreach {

    public static final int BATCH = 100;

    private final OutreachRepository outreach;
    private final Mailer mailer;
    private final String publicBaseUrl;

    public SweepDueOutreach(OutreachRepository outreach, Mailer mailer, String publicBaseUrl) {
        this.outreach = outreach;
        this.mailer = mailer;
        this.publicBaseUrl = publicBaseUrl;
    }

    public record Swept(int sent, int skipped) {
    }

    public Swept sweep(Instant now) {
        int sent = 0;
        int skipped = 0;
        for (Outreach due : outreach.due(now, BATCH)) {
            if (!outreach.claim(due, now)) {
                skipped++;
                continue;
            }
            try {
                mailer.send(invitation(due));
            } catch (RuntimeException failure) {
                outreach.release(due);
                throw failure;
            }
            outreach.markSent(due, now);
            sent++;
        }
        return new Swept(sent, skipped);
    }

    private Mailer.Email invitation(Outreach due) {
        String url = publicBaseUrl + "/s/" + due.surveyId() + "?lang=" + due.language();
        String text = "We would love to hear from you: " + url;
        String html = "<!doctype html><html lang=\"" + Html.escape(due.language()) + "\"><body><p>"
                + "We would love to hear from you.</p><p><a href=\"" + Html.escape(url) + "\">Answer the survey</a></p>"
                + "</body></html>";
        return new Mailer.Email(List.of(due.email()), "How did we do?", text, html);
    }
}
