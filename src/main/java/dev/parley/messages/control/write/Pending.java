package dev.parley.messages.control.write;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A post in line ({@link GroupCommit}), to the room {@code room} or else to the user {@code to}. Its
 * answer is the stored message, or a failure that is this post's alone (forbidden, not found) or its
 * batch's (the database); {@code turn} completes when it is to lead. {@code via} names the incoming
 * webhook that posts it for its sender, else null. {@code files}: the ids of the files to attach, in
 * order, checked for shape (whose they are is checked when the batch is stored).
 */
record Pending(String room, String to, long senderId, String text, String clientMsgId, String senderSocketId,
               Long replyTo, Mentioned mentions, String via, List<Long> files, CompletableFuture<Posted> answer,
               CompletableFuture<Void> turn) {
    Pending(String room, String to, long senderId, String text, String clientMsgId, String senderSocketId,
            Long replyTo, Mentioned mentions, String via, List<Long> files) {
        this(room, to, senderId, text, clientMsgId, senderSocketId, replyTo, mentions, via, files, new CompletableFuture<>(),
                new CompletableFuture<>());
    }
}
