package dev.parley.realtime.control;

import dev.parley.presence.control.PresenceBatched;
import dev.parley.realtime.server.Audience;
import dev.parley.realtime.server.SocketWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Each batch of presence changes to every socket of this node, in one frame encoded once. */
@ApplicationScoped
public class PresenceDelivery {
    @Inject
    SocketWriter writer;

    void presence(@Observes(during = TransactionPhase.AFTER_SUCCESS) PresenceBatched batch) {
        writer.presence(batch, Audience.everyone());
    }
}
