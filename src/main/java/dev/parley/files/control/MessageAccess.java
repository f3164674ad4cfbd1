package dev.parley.files.control;

/**
 * Whether a user may read a message: the messages component answers (it knows rooms, membership and
 * conversations); asked through this interface so that files does not depend on messages, which depends
 * on files. A file attached to a message may be read by exactly those who may read the message.
 */
public interface MessageAccess {
    /** Whether the user may read the message (not deleted): as for its history. */
    boolean mayRead(long userId, long messageId);
}
