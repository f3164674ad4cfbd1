package dev.parley.exports.entity;

import java.time.Instant;
import java.util.List;

/**
 * One message the exporting user wrote: in {@code room}, or to {@code to} (the other party of the
 * conversation; null once their account is deleted). Deleted ones stay, with empty text.
 */
public record WrittenMessage(long id, String room, String to, String text, Instant createdAt, Instant editedAt,
                             Long replyTo, boolean deleted, String via, List<ExportedFile> files) {
}
