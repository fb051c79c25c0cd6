package io.halqe.submission;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.halqe.aws.http.HttpRequest;
import io.halqe.domain.suppression.SuppressionList;
import io.halqe.domain.suppression.UnsubscribeLinks;

/**
 * {@code GET /u/{token}} (the link in every customer email) and {@code POST /u/{token}} (mail clients' one-click
 * unsubscribe, RFC 8058): the signed address is added to the suppression list; a forged token changes nothing.
 */
final class UnsubscribeRoute {

    private final UnsubscribeLinks links;
    private final SuppressionList suppression;

    UnsubscribeRoute(UnsubscribeLinks links, SuppressionList suppression) {
        this.links = links;
        this.suppression = suppression;
    }

    APIGatewayV2HTTPResponse unsubscribe(HttpRequest request) {
        var email = links.emailOf(request.pathParameter("token"));
        if (email.isEmpty()) {
            return SurveyPage.page(403, "en", null, "Link not valid",
                    "<h1>This unsubscribe link is not valid.</h1><p>Please use the link from the email as it was sent.</p>");
        }
        suppression.suppress(email.get(), "unsubscribed", request.receivedAt());
        return SurveyPage.page(200, "en", null, "Unsubscribed",
                "<h1>You are unsubscribed.</h1><p>We will not email you again.</p>"
                        + "<p lang=\"fa\" dir=\"rtl\">اشتراک شما لغو شد. دیگر برایتان ایمیل نمی‌فرستیم.</p>"
                        + "<p lang=\"ar\" dir=\"rtl\">تم إلغاء اشتراكك. لن نراسلك مرة أخرى.</p>");
    }
}
