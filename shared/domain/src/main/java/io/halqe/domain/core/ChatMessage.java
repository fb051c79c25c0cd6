package io.halqe.domain.core;

import java.util.List;

/**
 * A message for a team's chat (a Slack incoming webhook): {@code text} is what a notification shows; the rest is laid
 * out as blocks: a title, labelled fields, a quoted passage (a customer's words), a button and a line of context.
 * Every value is plain text as written: the adapter escapes it for the chat's markup.
 */
public record ChatMessage(String text, String title, List<Field> fields, String quote, Link link, String context) {

    public ChatMessage {
        fields = List.copyOf(fields);
    }

    public record Field(String label, String value) {
    }

    public record Link(String text, String url) {
    }
}
