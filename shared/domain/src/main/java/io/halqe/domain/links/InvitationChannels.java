package io.halqe.domain.links;

import io.halqe.domain.core.Mailer;
import io.halqe.domain.suppression.UnsubscribeLinks;

/** How invitations reach people: email (each with its unsubscribe link) and SMS. */
public record InvitationChannels(Mailer mailer, SmsSender sms, UnsubscribeLinks unsubscribe) {
}
