package dev.parley.messages.control;

import dev.parley.files.entity.FileView;
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
 * {@code feed} included, and so does a user an edit newly mentions, unless they block the author
 * (then the mention is not among the event's: see {@code write/Mentions}). Never the sender. The transport
 * says who it could reach at all (a socket not showing that conversation), so that unread counts are
 * counted only for them. The transport asks for a run of events at once, off the thread that
 * committed them (see {@code realtime/control/Notifier}).
 */
@ApplicationScoped
public class Notifications {
    static final int PREVIEW = 100;

    @Inject
    UnreadCounts unreadCounts;

    /** What the transport knows of its sockets on this node. */
    public interface Reachable {
        /** Whether the user has a socket not showing the room (or the conversation with {@code with}). */
        boolean test(long userId, String room, String with);

        /**
         * The users with a socket in the room and not showing it. A room's sockets are its members'
         * (each socket joins its user's rooms and follows their changes), so this is the room's member
         * list without a query per message.
         */
        Set<Long> inRoom(String room);
    }

    /**
     * The notices for a run of committed posts ({@link MessagePosted}) and edits ({@link MessageChanged}),
     * in their order, the unread counts of all of them read in one query (per kind of conversation),
     * not a transaction per message. A post's count is the one just after it, so a burst's notices count up one by one
     * however late they are computed.
     */
    public List<Notice> of(List<?> events, Reachable reachable) {
        List<Wanted> wanted = new ArrayList<>();
        for (Object event : events) {
            if (event instanceof MessagePosted posted) told(posted, reachable, wanted);
            else if (event instanceof MessageChanged edited) told(edited, reachable, wanted);
            else throw new IllegalArgumentException("Neither a post nor an edit: " + event.getClass().getName());
        }
        if (wanted.isEmpty()) return List.of();
        Map<UnreadCounts.At, Long> unread = unreadCounts.unread(wanted.stream().map(Wanted::at).toList());
        List<Notice> notices = new ArrayList<>(wanted.size());
        for (Wanted w : wanted) notices.add(notice(w.userId(), w.kind(), w.room(), w.with(), w.message(), unread.getOrDefault(w.at(), 0L)));
        return notices;
    }

    /** A notice still without its unread count, which is read with the others' in one query. */
    private record Wanted(long userId, String kind, String room, String with, MessageView message, UnreadCounts.At at) {
    }

    private static void told(MessagePosted posted, Reachable reachable, List<Wanted> wanted) {
        MessageView message = posted.message();
        Set<Long> mentioned = Set.copyOf(posted.mentionedIds());
        if (posted.isDirect()) {
            long to = posted.recipientId();
            if (to != posted.senderId() && reachable.test(to, null, message.from())) {
                wanted.add(new Wanted(to, mentioned.contains(to) ? "mention" : "private_message", null, message.from(), message,
                        UnreadCounts.At.withUser(to, posted.senderId(), message.id())));
            }
            return;
        }
        String room = message.room();
        Set<Long> told = new LinkedHashSet<>();
        if (Room.FEED.equals(room)) {
            for (long user : mentioned) if (reachable.test(user, room, null)) told.add(user);
        } else {
            told.addAll(reachable.inRoom(room));
        }
        told.remove(posted.senderId());
        for (long user : told) {
            wanted.add(new Wanted(user, mentioned.contains(user) ? "mention" : "message", room, null, message,
                    UnreadCounts.At.inRoom(user, posted.roomId(), message.id())));
        }
    }

    /** An edit tells only the users it newly mentions, as {@code mention}, those it could reach; their count as it is now. */
    private static void told(MessageChanged edited, Reachable reachable, List<Wanted> wanted) {
        MessageView message = edited.message();
        if (edited.deleted() || edited.newlyMentionedIds().isEmpty()) return;
        if (edited.isDirect()) {
            long to = edited.recipientId();
            if (edited.newlyMentionedIds().contains(to) && reachable.test(to, null, message.from())) {
                wanted.add(new Wanted(to, "mention", null, message.from(), message,
                        UnreadCounts.At.withUser(to, edited.senderId(), Long.MAX_VALUE)));
            }
            return;
        }
        for (long user : new LinkedHashSet<>(edited.newlyMentionedIds())) {
            if (user != edited.senderId() && reachable.test(user, message.room(), null)) {
                wanted.add(new Wanted(user, "mention", message.room(), null, message,
                        UnreadCounts.At.inRoom(user, edited.roomId(), Long.MAX_VALUE)));
            }
        }
    }

    private static Notice notice(long user, String kind, String room, String with, MessageView message, long unread) {
        // A message of files alone is previewed by their names, which is what its reader will see first.
        String text = !message.text().isEmpty() || message.files().isEmpty() ? message.text()
                : String.join(", ", message.files().stream().map(FileView::name).toList());
        String preview = text.length() <= PREVIEW ? text : text.substring(0, PREVIEW - 1) + "…";
        return new Notice(user, kind, room, with, message.from(), preview, unread, message.id());
    }
}
