package dev.parley.messages.entity;

import java.util.List;

/** A page of history: {@code hasMore} says whether another page lies further in the same direction. */
public record Page(List<MessageView> messages, boolean hasMore) {
}
