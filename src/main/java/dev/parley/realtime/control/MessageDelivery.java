package dev.parley.realtime.control;

import dev.parley.messages.control.read.Backlog;
import dev.parley.messages.control.MessagePosted;
import dev.parley.operations.Meters;
import dev.parley.cluster.RelayGap;
import dev.parley.realtime.server.Audience;
import dev.parley.realtime.server.SocketWriter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Committed messages to this node's sockets: to every socket in the room (or of both people) but the
 * one that sent it, in the room's order and once (through the {@link Sequencer}, whether committed here
 * or on another node); then their notifications, through the {@link Notifier}.
 */
@ApplicationScoped
public class MessageDelivery {
    @Inject
    SocketWriter writer;

    @Inject
    Notifier notifier;

    @Inject
    Backlog backlog;

    @Resource
    ManagedScheduledExecutorService timer;

    /** How long a message waits for its predecessors before they are read from the database. */
    @Inject
    @ConfigProperty(name = "parley.realtime.order-wait")
    Duration orderWait;

    /** How often the sequencer forgets idle rooms and conversations. */
    @Inject
    @ConfigProperty(name = "parley.realtime.order-idle")
    Duration orderIdle;

    private Meters.Counter deliveries;
    private Sequencer sequencer;

    /** Created at startup: the sequencer's floor is the newest message then, and the metric is on /metrics from the start. */
    void eager(@Observes Startup started) {
    }

    @PostConstruct
    void sequence() {
        long floor;
        try {
            floor = backlog.newest();
        } catch (RuntimeException e) {
            floor = -1;
        }
        sequencer = new Sequencer(this::send, backlog::after, timer, orderWait, orderIdle, floor, System::nanoTime);
        timer.scheduleAtFixedRate(sequencer::prune, orderIdle.toMillis(), orderIdle.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Inject
    void count(Meters metrics) {
        deliveries = metrics.counter("parley_deliveries", "Messages sent to sockets");
    }

    void deliver(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagePosted posted) {
        sequencer.offer(posted); // which sends it (send), then hands it to the notifier
    }

    /** Messages were lost between nodes: each chain this node follows reads what it missed. */
    void caughtUp(@Observes RelayGap gap) {
        sequencer.catchUpAll();
    }

    private void send(MessagePosted posted) {
        Audience to = posted.isDirect() ? Audience.users(posted.recipientId(), posted.senderId()) : Audience.room(posted.message().room());
        // The sender's socket from the event, not from the thread: the thread committing may have stored other sockets' posts.
        deliveries.inc(writer.message(posted.message(), posted.isDirect(), to.except(posted.senderSocketId())));
        notifier.after(posted); // once the message is queued on the sockets: notifications come after it
    }
}
