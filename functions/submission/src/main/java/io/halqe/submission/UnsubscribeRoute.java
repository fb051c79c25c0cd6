package io.halqe.submission;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.http.HttpRequest;
import io.halqe.domain.suppression.SuppressionList;
import io.halqe.domain.suppression.UnsubscribeLinks;

/**
 * The unsubscribe link in every customer email. {@code GET /u/{token}} only shows a page with a button: mail scanners
 * follow links, and must not unsubscribe anyone. {@code POST /u/{token}} — that button, or a mail client's one-click
 * unsubscribe (RFC 8058) — adds the signed address to the suppression list (by its id: the link carries no address). A forged or expired
 * token changes nothing.
 */
final class UnsubscribeRoute {

    private static final String INVALID = "<h1>This unsubscribe link is not valid.</h1>"
            + "<p>Please use the link from the email as it was sent.</p>";

    private final UnsubscribeLinks links;
    private final SuppressionList suppression;

    UnsubscribeRoute(UnsubscribeLinks links, SuppressionList suppression) {
        this.links = links;
        this.suppression = suppression;
    }

    /** The page behind the link: what pressing its button does, in en, fa and ar; nothing changes yet. */
    APIGatewayV2HTTPResponse confirm(HttpRequest request) {
        if (links.suppressionIdOf(request.pathParameter("token"), request.receivedAt()).isEmpty()) {
            return SurveyPage.page(403, "en", null, "Link not valid", INVALID);
        }
        return SurveyPage.page(200, "en", null, "Unsubscribe",
                "<h1>Stop emails from us?</h1>"
                        + "<p lang=\"fa\" dir=\"rtl\">دیگر برایتان ایمیل نفرستیم؟</p>"
                        + "<p lang=\"ar\" dir=\"rtl\">هل تريد إيقاف رسائلنا؟</p>"
                        // the form posts to this same URL (CSP: form-action 'self')
                        + "<form method=\"post\"><button type=\"submit\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                        + "Unsubscribe · لغو اشتراک · إلغاء الاشتراك</button></form>");
    }

    APIGatewayV2HTTPResponse unsubscribe(HttpRequest request) {
        var id = links.suppressionIdOf(request.pathParameter("token"), request.receivedAt());
        if (id.isEmpty()) {
            return SurveyPage.page(403, "en", null, "Link not valid", INVALID);
        }
        suppression.suppressId(id.get(), "unsubscribed", request.receivedAt());
        return SurveyPage.page(200, "en", null, "Unsubscribed",
                "<h1>You are unsubscribed.</h1><p>We will not email you again.</p>"
                        + "<p lang=\"fa\" dir=\"rtl\">اشتراک شما لغو شد. دیگر برایتان ایمیل نمی‌فرستیم.</p>"
                        + "<p lang=\"ar\" dir=\"rtl\">تم إلغاء اشتراكك. لن نراسلك مرة أخرى.</p>");
    }
}
