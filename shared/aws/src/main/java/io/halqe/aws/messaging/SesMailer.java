package io.halqe.aws.messaging;

import io.halqe.domain.core.Mailer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;

/** SES v2 SendEmail: a text and an HTML part, UTF-8, through the stack's configuration set. */
public final class SesMailer implements Mailer {

    private final SesV2Client ses;
    private final String from;
    private final String configurationSet;

    public SesMailer(SesV2Client ses, String from, String configurationSet) {
        this.ses = ses;
        this.from = from;
        this.configurationSet = configurationSet;
    }

    @Override
    public void send(Email email) {
        try {
            sendThrough(email);
        } catch (software.amazon.awssdk.services.sesv2.model.BadRequestException
                 | software.amazon.awssdk.services.sesv2.model.MessageRejectedException refused) {
            // this message (an address SES cannot send to, content it rejects) will never go: say so, do not retry
            throw new io.halqe.domain.core.Undeliverable("SES refused the message: "
                    + refused.awsErrorDetails().errorMessage(), refused);
        }
    }

    private void sendThrough(Email email) {
        ses.sendEmail(request -> request
                .fromEmailAddress(from(email.fromName()))
                .destination(destination -> destination.toAddresses(email.to()))
                .configurationSetName(configurationSet)
                .content(EmailContent.builder().simple(Message.builder()
                        .subject(utf8(email.subject()))
                        .body(Body.builder().text(utf8(email.text())).html(utf8(email.html())).build())
                        .headers(email.headers().entrySet().stream()
                                .map(header -> MessageHeader.builder().name(header.getKey()).value(header.getValue()).build())
                                .toList())
                        .build()).build()));
    }

    /**
     * {@code Name <address>}; a name beyond plain ASCII (Persian, Arabic) as an RFC 2047 encoded word, which is what
     * SES asks for in the From header.
     */
    String from(String name) {
        if (name == null || name.isBlank()) {
            return from;
        }
        boolean plain = name.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\');
        return (plain ? "\"" + name + "\"" : "=?UTF-8?B?" + Base64.getEncoder().encodeToString(
                name.getBytes(StandardCharsets.UTF_8)) + "?=") + " <" + from + ">";
    }

    private static Content utf8(String data) {
        return Content.builder().charset("UTF-8").data(data).build();
    }
}
