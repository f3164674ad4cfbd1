package dev.parley.messages.control;

import dev.parley.messages.entity.MessageView;
import dev.parley.rooms.entity.Room;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is told of a new message, and what: the one rule for it, whichever protocol posted. A room's
 * members hear of each message in it (but in {@code feed}, which would be every message to everyone);
 * the recipient of a direct message hears of it; a mentioned user hears of it as {@code mention},
 * {@code feed} included, and so does a user an edit newly mentions. Never the sender. The transport says who it could reach at all (a socket not
 * showing that conversation), so that unread counts are counted only for them.
 */
@ApplicationScoped
public class Notifications {
    static final int PREVIEW = 100;

    @Inject
    ReadMarkers markers;

    /** What the transport knows of its sockets on this node. */
    public interface Reachable {
        /** Whether the user has a socket not showing the room (or the conversation with {@code with}). */
        boolean test(long userId, String room, String with);

        /**
         * The users with a socket in the room and not showing it. A room's sockets are its members'
         * (each socket joins its user's rooms and follows their changes), so this is the room's member
         * list without a query per message (6% of server CPU storing messages to many rooms, JFR).
         */
        Set<Long> inRoom(String room);
    }

    public List<Notice> of(MessagePosted posted, Reachable reachable) {
        MessageView message = posted.message();
        Set<Long> mentioned = Set.copyOf(posted.mentionedIds());
        List<Notice> notices = new ArrayList<>();
        if (posted.isDirect()) {
            long to = posted.recipientId();
            if (to != posted.senderId() && reachable.test(to, null, message.from())) {
                notices.add(notice(to, mentioned.contains(to) ? "mention" : "private_message", null, message.from(), message,
                        markers.unreadOfRecipient(posted.senderId(), to)));
            }
            return notices;
        }
        String room = message.room();
        Set<Long> told = new LinkedHashSet<>();
        if (Room.FEED.equals(room)) {
            for (long user : mentioned) if (reachable.test(user, room, null)) told.add(user);
        } else {
            told.addAll(reachable.inRoom(room));
        }
        told.remove(posted.senderId());
        if (told.isEmpty()) return notices;
        Map<Long, Long> unread = markers.unreadInRoom(posted.roomId(), told);
        for (long user : told) {
            notices.add(notice(user, mentioned.contains(user) ? "mention" : "message", room, null, message, unread.getOrDefault(user, 0L)));
        }
        return notices;
    }

    /** An edit tells only the users it newly mentions, as {@code mention}, those it could reach. */
    public List<Notice> of(MessageChanged edited, Reachable reachable) {
        MessageView message = edited.message();
        List<Notice> notices = new ArrayList<>();
        if (edited.deleted() || edited.newlyMentionedIds().isEmpty()) return notices;
        if (edited.isDirect()) {
            long to = edited.recipientId();
            if (edited.newlyMentionedIds().contains(to) && reachable.test(to, null, message.from())) {
                notices.add(notice(to, "mention", null, message.from(), message, markers.unreadOfRecipient(edited.senderId(), to)));
            }
            return notices;
        }
        Set<Long> told = new LinkedHashSet<>();
        for (long user : edited.newlyMentionedIds()) if (user != edited.senderId() && reachable.test(user, message.room(), null)) told.add(user);
        if (told.isEmpty()) return notices;
        Map<Long, Long> unread = markers.unreadInRoom(edited.roomId(), told);
        for (long user : told) notices.add(notice(user, "mention", message.room(), null, message, unread.getOrDefault(user, 0L)));
        return notices;
    }

    private static Notice notice(long user, String kind, String room, String with, MessageView message, long unread) {
        String text = message.text();
        String preview = text.length() <= PREVIEW ? text : text.substring(0, PREVIEW - 1) + "…";
        return new Notice(user, kind, room, with, message.from(), preview, unread, message.id());
    }
}
