package io.halqe.domain.outreach;

import java.time.Instant;

/** Sends the signed invitation (or a reminder of it) that an outreach stands for. */
public interface InvitationSender {

    /** False if the survey no longer exists. */
    boolean send(Outreach outreach, Instant now);
}
