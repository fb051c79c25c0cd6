package io.halqe.domain.links;

import io.halqe.domain.core.Mailer;
import io.halqe.domain.suppression.UnsubscribeLinks;
import io.halqe.domain.survey.Branding;

/**
 * How invitations reach people: email (each with its unsubscribe link, in the survey's branding over the account's
 * {@code brand}) and SMS.
 */
public record InvitationChannels(Mailer mailer, SmsSender sms, UnsubscribeLinks unsubscribe, Branding brand) {
}
