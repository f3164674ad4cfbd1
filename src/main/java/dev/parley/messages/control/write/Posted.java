package dev.parley.messages.control.write;

import dev.parley.messages.entity.MessageView;

/** A post's answer: the message, and whether it is new; a {@code clientMsgId} the sender used before gets the first message back. */
public record Posted(MessageView message, boolean fresh) {
}
