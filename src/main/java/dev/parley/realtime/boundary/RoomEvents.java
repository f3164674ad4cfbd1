package dev.parley.realtime.boundary;

import dev.parley.limits.control.ReadBudget;
import dev.parley.realtime.server.Handlers;
import dev.parley.realtime.server.Payload;
import dev.parley.rooms.control.Membership;
import dev.parley.rooms.control.RoomListings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Rooms from a socket: the same {@link Membership} calls as the REST endpoints, joins and leaves
 * taking from the same {@link ReadBudget} as theirs.
 */
@ApplicationScoped
public class RoomEvents {
    @Inject
    Handlers handlers;

    @Inject
    Membership membership;

    @Inject
    RoomListings listings;

    @Inject
    ReadBudget reads;

    /** Registers the handlers, once for all sockets. */
    public void register() {
        handlers.on("join", (me, s, payload) -> {
            reads.spend(me.userId());
            return Map.of("room", membership.join(me.userId(), Payload.of(payload).string("room")));
        });
        handlers.on("leave", (me, s, payload) -> {
            reads.spend(me.userId());
            String room = Payload.of(payload).string("room");
            membership.leave(me.userId(), room);
            return Map.of("room", listings.view(room, me.userId()));
        });
        handlers.on("create_room", (me, s, payload) -> {
            Payload p = Payload.of(payload);
            return Map.of("room", membership.create(me.userId(), p.string("name"), p.optString("topic"), p.optBoolean("private")));
        });
    }
}
