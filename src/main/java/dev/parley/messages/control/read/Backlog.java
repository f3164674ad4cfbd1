package dev.parley.messages.control.read;

import dev.parley.accounts.entity.User;
import dev.parley.messages.control.MessageDetails;
import dev.parley.messages.control.MessagePosted;
import dev.parley.messages.entity.Message;
import dev.parley.messages.entity.MessageView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Committed messages of one room or conversation, read again for a node that did not see them as
 * they were posted (another node's, lost or late on the way: realtime's sequencer asks), as the
 * {@link MessagePosted} events that would have delivered them, chained by {@code previousId}. They
 * carry no sender socket and no mentions: their notifications were the posting moment's.
 */
@ApplicationScoped
@Transactional
public class Backlog {
    @PersistenceContext
    EntityManager em;

    @Inject
    MessageDetails details;

    /** The highest message id committed so far (0 when none). */
    public long newest() {
        Long max = em.createQuery("SELECT MAX(m.id) FROM Message m", Long.class).getSingleResult();
        return max == null ? 0 : max;
    }

    /**
     * The messages of {@code chain} ({@link MessagePosted#chainOf}) with ids in ({@code after},
     * {@code upTo}], oldest first, at most {@code limit}; the first chained to {@code after}.
     */
    public List<MessagePosted> after(long chain, long after, long upTo, int limit) {
        boolean room = chain % 2 == 0;
        long target = room ? chain / 2 : (chain - 1) / 2;
        List<Object[]> rows = em.createQuery("SELECT m, u FROM Message m, User u WHERE u.id = m.senderId AND "
                        + (room ? "m.roomId" : "m.conversationId") + " = :target AND m.id > :after AND m.id <= :upTo ORDER BY m.id ASC",
                        Object[].class)
                .setParameter("target", target).setParameter("after", after).setParameter("upTo", upTo)
                .setMaxResults(limit).getResultList();
        if (rows.isEmpty()) return List.of();
        List<MessageView> views = details.complete(rows.stream().map(row -> details.viewOf((Message) row[0], (User) row[1])).toList());
        List<MessagePosted> events = new ArrayList<>();
        long previous = after;
        for (int i = 0; i < rows.size(); i++) {
            Message m = (Message) rows.get(i)[0];
            events.add(new MessagePosted(views.get(i), m.senderId(), m.roomId(), m.recipientId(), null, List.of(), previous,
                    m.conversationId()));
            previous = m.id();
        }
        return events;
    }
}
