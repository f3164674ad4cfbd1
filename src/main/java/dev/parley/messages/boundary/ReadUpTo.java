package dev.parley.messages.boundary;

/** The body of a REST read call: {@code {upTo}}. */
public record ReadUpTo(Long upTo) {
}
