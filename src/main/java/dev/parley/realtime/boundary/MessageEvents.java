package dev.parley.realtime.boundary;

import dev.parley.messages.control.write.MessageChanges;
import dev.parley.realtime.server.Handlers;
import dev.parley.realtime.server.Payload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Edits, deletions and reactions from a socket: {@code edit_message}, {@code delete_message}, {@code react}, {@code unreact}.
 * Text and emoji are checked by {@link MessageChanges}, after who may act: a missing one is no different.
 */
@ApplicationScoped
public class MessageEvents {
    @Inject
    Handlers handlers;

    @Inject
    MessageChanges changes;

    /** Registers the handlers, once for all sockets. */
    public void register() {
        handlers.on("edit_message", (me, s, payload) -> {
            Payload p = Payload.of(payload);
            return Map.of("message", changes.edit(me.userId(), p.optLong("id"), p.optString("text")));
        });
        handlers.on("delete_message", (me, s, payload) -> {
            changes.delete(me.userId(), Payload.of(payload).optLong("id"));
            return Map.of();
        });
        handlers.on("react", (me, s, payload) -> react(me.userId(), payload, true));
        handlers.on("unreact", (me, s, payload) -> react(me.userId(), payload, false));
    }

    private Map<String, ?> react(long userId, Object payload, boolean on) {
        Payload p = Payload.of(payload);
        changes.react(userId, p.optLong("id"), p.optString("emoji"), on);
        return Map.of();
    }
}
