package dev.parley.messages.control;

import dev.parley.accounts.entity.User;
import dev.parley.messages.entity.Message;
import dev.parley.messages.entity.MessageView;

/** Stored messages as the contract's {@code message} object: every one is built here. */
final class MessageViews {
    private MessageViews() {
    }

    static MessageView of(Message m, String roomName, User sender, String recipientName) {
        // A deleted account's tombstone has no username; its messages stay, as from a deleted user.
        String from = sender.deleted() ? null : sender.username();
        String fromDisplayName = sender.deleted() ? User.DELETED_DISPLAY_NAME : sender.displayName();
        return new MessageView(m.id(), roomName, recipientName, from, fromDisplayName,
                m.text(), m.createdAt(), m.clientMsgId());
    }
}
