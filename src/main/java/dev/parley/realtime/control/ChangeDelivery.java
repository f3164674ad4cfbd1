package dev.parley.realtime.control;

import dev.parley.messages.control.MessageChanged;
import dev.parley.messages.entity.MessageView;
import dev.parley.realtime.server.Audience;
import dev.parley.realtime.server.SocketWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Edits, deletions and reactions to every socket that can see the message: the room's, or both
 * people's, the acting socket included; then the notifications of newly mentioned users.
 */
@ApplicationScoped
public class ChangeDelivery {
    @Inject
    SocketWriter writer;

    @Inject
    Notifier notifier;

    private final LatestChanges latestChanges = new LatestChanges(10_000);

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageChanged change) {
        MessageView message = change.message();
        if (!latestChanges.newer(message.id(), change.version())) return; // told already, or a newer change was
        Audience to = change.isDirect() ? Audience.users(change.recipientId(), change.senderId()) : Audience.room(message.room());
        if (change.deleted()) writer.messageDeleted(message, to);
        else writer.messageUpdated(message, to);
        notifier.after(change);
    }
}
