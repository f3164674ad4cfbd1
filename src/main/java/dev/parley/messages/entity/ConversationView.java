package dev.parley.messages.entity;

/** One of the caller's direct conversations: with whom, its last message, and the caller's unread count. */
public record ConversationView(String with, MessageView lastMessage, long unread) {
}
