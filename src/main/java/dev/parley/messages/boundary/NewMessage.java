package dev.parley.messages.boundary;

/** The body of a REST post: {@code {text, clientMsgId?}}. */
public record NewMessage(String text, String clientMsgId) {
}
