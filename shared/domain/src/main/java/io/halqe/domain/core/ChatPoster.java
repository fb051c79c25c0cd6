package io.halqe.domain.core;

/** Posts to a team's chat; fails (throws) when the chat did not take the message, so the send is tried again. */
public interface ChatPoster {

    void post(String webhookUrl, ChatMessage message);
}
