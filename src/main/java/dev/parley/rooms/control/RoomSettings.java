package dev.parley.rooms.control;

import dev.parley.errors.Forbidden;
import dev.parley.errors.InvalidPayload;
import dev.parley.errors.NotFound;
import dev.parley.rooms.entity.Retention;
import dev.parley.rooms.entity.Room;
import dev.parley.rooms.entity.RoomView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Objects;

/**
 * A room's settings: its topic (the owner's and moderators'), its own message retention (the
 * owner's). In {@code feed}, which has no owner or moderators, both are server admins' (as any room's
 * are). Every member's sockets hear of a change as {@code room_updated}.
 */
@ApplicationScoped
@Transactional
public class RoomSettings {
    @PersistenceContext
    EntityManager em;

    @Inject
    RoomAccess access;

    @Inject
    RoomListings listings;

    @Inject
    Event<RoomUpdated> updated;

    /**
     * A change asked for: each field is changed only when it was given ({@code topic} null or blank
     * clears it; {@code retention} null goes back to the server's). {@code malformed}: why the body
     * is refused as it was sent (a field of the wrong type), told only once who may is decided.
     */
    public record Change(boolean topicGiven, String topic, boolean retentionGiven, String retention, String malformed) {
    }

    /** Who may is decided first; then the values are checked, all before anything is changed. */
    public RoomView change(long userId, String name, Change change) {
        Room room = access.byName(name);
        Standing standing = access.standing(room, userId);
        if (!standing.sees()) throw new NotFound("No such room");
        if (!standing.moderates()) {
            throw new Forbidden(room.isFeed() ? "Only server admins change feed" : "Only the room's owner and moderators can change it");
        }
        if (change.retentionGiven() && !standing.owns()) throw new Forbidden("Only the room's owner (or a server admin) sets its retention");
        if (change.malformed() != null) throw new InvalidPayload(change.malformed());
        em.refresh(room, LockModeType.PESSIMISTIC_WRITE); // two changes at once: the second starts from the first
        String topic = change.topicGiven() ? Membership.checkTopic(change.topic()) : room.topic();
        Retention retention = !change.retentionGiven() || change.retention() == null ? null : Retention.parse(change.retention())
                .orElseThrow(() -> new InvalidPayload("retention must be a positive ISO-8601 duration of at most a hundred years"
                        + " (P30D, PT12H, P1Y) or null"));
        String keptFor = change.retentionGiven() ? (retention == null ? null : retention.text()) : room.retention();
        if (Objects.equals(topic, room.topic()) && Objects.equals(keptFor, room.retention())) return listings.view(room, userId);
        room.retitle(topic);
        if (change.retentionGiven()) room.keepFor(retention);
        em.flush();
        updated.fire(RoomUpdated.forEveryMember(room.name()));
        return listings.view(room, userId);
    }
}
