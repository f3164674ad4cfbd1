package dev.parley.webhooks.control;

import dev.parley.accounts.control.AccountDeleted;
import dev.parley.accounts.entity.User;
import dev.parley.errors.Forbidden;
import dev.parley.errors.InvalidPayload;
import dev.parley.errors.NotFound;
import dev.parley.rooms.control.RoomAccess;
import dev.parley.rooms.control.Standing;
import dev.parley.rooms.entity.Room;
import dev.parley.webhooks.entity.NewWebhook;
import dev.parley.webhooks.entity.Webhook;
import dev.parley.webhooks.entity.WebhookView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * A room's incoming webhooks, made, listed and deleted by those who moderate the room: its owner and
 * moderators, and server admins (the only ones in {@code feed}); the rule is {@link Standing}'s. Who
 * cannot see a private room gets {@code not_found}, before anything else the request carries.
 */
@ApplicationScoped
@Transactional
public class Webhooks {
    @PersistenceContext
    EntityManager em;

    @Inject
    RoomAccess access;

    /**
     * A new webhook of the room, posting as {@code userId}; {@code urlOf} turns its id and secret into
     * the URL the caller is shown (the boundary knows the request's host). The creator must be able
     * to post there now: a webhook of someone who cannot would refuse every post.
     */
    public NewWebhook create(long userId, String roomName, String name, UrlOf urlOf) {
        Room room = managed(userId, roomName);
        String checked = checkName(name);
        if (!access.isMember(room.id(), userId)) throw new Forbidden("Join the room first: its webhooks post as you");
        String secret = WebhookSecrets.fresh();
        Webhook hook = new Webhook(room.id(), checked, WebhookSecrets.hash(secret), userId);
        em.persist(hook);
        em.flush();
        return new NewWebhook(hook.id(), hook.name(), urlOf.url(hook.id(), secret), usernameOf(userId), hook.createdAt());
    }

    /** Builds a webhook's URL from its id and secret. */
    @FunctionalInterface
    public interface UrlOf {
        String url(long id, String secret);
    }

    public List<WebhookView> list(long userId, String roomName) {
        Room room = managed(userId, roomName);
        List<Webhook> hooks = em.createNamedQuery(Webhook.IN_ROOM, Webhook.class).setParameter("room", room.id()).getResultList();
        return hooks.stream().map(h -> new WebhookView(h.id(), h.name(), usernameOf(h.createdBy()), h.createdAt())).toList();
    }

    /** Deletes one of the room's webhooks: its URL stops working at once. Another room's, or none, is {@code not_found}. */
    public void delete(long userId, String roomName, long id) {
        Room room = managed(userId, roomName);
        Webhook hook = em.find(Webhook.class, id);
        if (hook == null || hook.roomId() != room.id()) throw new NotFound("No such webhook");
        em.remove(hook);
    }

    /** A deleted account's webhooks go with it, in the deleting transaction: they posted as that person. */
    void accountDeleted(@Observes AccountDeleted deleted) {
        em.createNamedQuery(Webhook.BY_CREATOR, Webhook.class).setParameter("user", deleted.userId())
                .getResultList().forEach(em::remove);
    }

    private Room managed(long userId, String roomName) {
        Room room = access.byName(roomName);
        Standing standing = access.standing(room, userId);
        if (!standing.sees()) throw new NotFound("No such room");
        if (!standing.moderates()) {
            throw new Forbidden(room.isFeed() ? "Only server admins manage feed's webhooks"
                    : "Only the room's owner and moderators manage its webhooks");
        }
        return room;
    }

    private String usernameOf(long userId) {
        User user = em.find(User.class, userId);
        return user == null ? null : user.username();
    }

    /** 1 to 64 characters after trimming, none of them a control character. */
    static String checkName(String name) {
        if (name == null) throw new InvalidPayload("name is required");
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > Webhook.MAX_NAME) {
            throw new InvalidPayload("name must be 1 to " + Webhook.MAX_NAME + " characters");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) throw new InvalidPayload("name must not contain control characters");
        return trimmed;
    }
}
