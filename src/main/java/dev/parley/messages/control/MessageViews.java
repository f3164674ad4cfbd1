package dev.parley.messages.control;

import dev.parley.accounts.entity.User;
import dev.parley.messages.entity.Message;
import dev.parley.messages.entity.MessageView;

/** Stored messages as the contract's {@code message} object. */
final class MessageViews {
    private MessageViews() {
    }

    static MessageView of(Message m, String roomName, User sender, String recipientName) {
        return new MessageView(m.id(), roomName, recipientName, sender.username(), sender.displayName(),
                m.text(), m.createdAt(), m.clientMsgId());
    }
}
