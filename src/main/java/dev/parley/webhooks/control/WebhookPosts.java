package dev.parley.webhooks.control;

import dev.parley.accounts.entity.User;
import dev.parley.errors.Forbidden;
import dev.parley.errors.NotFound;
import dev.parley.messages.control.write.Messages;
import dev.parley.rooms.control.RoomAccess;
import dev.parley.rooms.entity.Room;
import dev.parley.webhooks.entity.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * What {@code POST /hooks/{id}/{secret}} does: the webhook is known by its id and secret alone (an
 * unknown id and a wrong secret get the same {@code not_found}), then it spends its own budget, then
 * it posts as its creator through the same code as any post ({@link Messages}), marked {@code via} its
 * name. A creator who can no longer post there (disabled, removed, banned) makes it refuse with
 * {@code forbidden}: the caller holds the secret, so saying so tells them nothing new, and tells the
 * person running the integration why it stopped. A deleted account's webhooks are gone ({@link Webhooks}).
 */
@ApplicationScoped
public class WebhookPosts {
    private static final String UNKNOWN = "No such webhook";
    /** Hashed when the id is unknown, so that an unknown id costs what a wrong secret costs. */
    private static final String NO_HASH = WebhookSecrets.hash("");

    @PersistenceContext
    EntityManager em;

    @Inject
    WebhookBudget budget;

    @Inject
    RoomAccess access;

    @Inject
    Messages messages;

    /** The webhook whose id and secret these are, else {@code not_found}. */
    @Transactional
    public Webhook authenticate(long id, String secret) {
        Webhook hook = em.find(Webhook.class, id);
        boolean matches = WebhookSecrets.matches(secret, hook == null ? NO_HASH : hook.secretHash());
        if (hook == null || !matches) throw new NotFound(UNKNOWN);
        return hook;
    }

    /** Counts one post of the webhook, or {@code rate_limited}. */
    public void spend(Webhook hook) {
        budget.spend(hook.id());
    }

    /** Posts {@code text} to the webhook's room as its creator; the new message's id. */
    public long post(Webhook hook, String text) {
        String room = postable(hook);
        try {
            return messages.postToRoomVia(hook.createdBy(), room, text, hook.name()).message().id();
        } catch (NotFound | Forbidden refused) { // removed or banned since postable asked: the batch decides under the room's lock
            throw cannotPost();
        }
    }

    /** The room's name, if the creator may post there now (a member, not disabled or deleted), else {@code forbidden}. */
    private String postable(Webhook hook) {
        User creator = em.find(User.class, hook.createdBy());
        if (creator == null || creator.deleted() || creator.disabled() || !access.isMember(hook.roomId(), creator.id())) {
            throw cannotPost();
        }
        return em.find(Room.class, hook.roomId()).name();
    }

    private static Forbidden cannotPost() {
        return new Forbidden("The webhook's creator can no longer post in this room");
    }
}
