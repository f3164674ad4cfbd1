package dev.parley.files.entity;

/** A small picture made from a stored one: JPEG, or PNG where transparency matters. */
public record Thumbnail(byte[] bytes, String contentType) {
}
