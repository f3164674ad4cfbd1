package dev.parley.realtime.control;

import dev.parley.messages.control.Typing;
import dev.parley.realtime.server.Audience;
import dev.parley.realtime.server.Connections;
import dev.parley.realtime.server.SocketWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Typing to the room's other members, or to the other person; none of the typist's own sockets. */
@ApplicationScoped
public class TypingDelivery {
    @Inject
    Connections connections;

    @Inject
    SocketWriter writer;

    void typing(@Observes(during = TransactionPhase.AFTER_SUCCESS) Typing typing) {
        Audience to = typing.room() != null ? Audience.room(typing.room()) : Audience.users(typing.toUserId());
        writer.typing(typing.from(), typing.room(), to.except(connections.ofUser(typing.fromUserId())));
    }
}
