package dev.parley.messages.control;

import dev.parley.accounts.entity.User;
import dev.parley.files.entity.FileView;
import dev.parley.messages.entity.Message;
import dev.parley.messages.entity.MessageView;
import dev.parley.messages.entity.MessageView.Reaction;
import java.util.List;

/** Stored messages as the contract's {@code message} object: every one is built here. */
public final class MessageViews {
    private MessageViews() {
    }

    public static MessageView of(Message m, String roomName, User sender, String recipientName) {
        return of(m, roomName, sender, recipientName, List.of());
    }

    public static MessageView of(Message m, String roomName, User sender, String recipientName, List<String> mentions) {
        return of(m, roomName, sender, recipientName, mentions, List.of());
    }

    /** A deleted message is a tombstone: empty text, no reactions, mentions or files; id, place and author stay. */
    public static MessageView of(Message m, String roomName, User sender, String recipientName, List<String> mentions,
                                 List<FileView> files) {
        // A deleted account's tombstone has no username; its messages stay, as from a deleted user.
        String from = sender.deleted() ? null : sender.username();
        String fromDisplayName = sender.deleted() ? User.DELETED_DISPLAY_NAME : sender.displayName();
        return new MessageView(m.id(), roomName, recipientName, from, fromDisplayName,
                m.deleted() ? "" : m.text(), m.createdAt(), m.clientMsgId(), m.replyTo(), m.editedAt(), m.deleted(),
                List.of(), m.deleted() ? List.of() : List.copyOf(mentions), m.deleted() ? List.of() : List.copyOf(files), m.via());
    }

    public static MessageView with(MessageView v, List<Reaction> reactions, List<String> mentions, List<FileView> files) {
        if (v.deleted()) return v;
        return new MessageView(v.id(), v.room(), v.to(), v.from(), v.fromDisplayName(), v.text(), v.createdAt(),
                v.clientMsgId(), v.replyTo(), v.editedAt(), false, reactions, mentions, files, v.via());
    }
}
