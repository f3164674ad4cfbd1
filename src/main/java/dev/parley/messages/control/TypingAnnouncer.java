package dev.parley.messages.control;

import dev.parley.accounts.control.Accounts;
import dev.parley.accounts.control.Blocks;
import dev.parley.rooms.control.RoomAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Who may be seen typing where: in a room, only a member (others get {@code forbidden}); to a user,
 * anyone the user would take a direct message from ({@code not_found} for no such user, {@code forbidden}
 * when they block the typist, as for {@code private_message}). Whichever protocol asks, the rule is here.
 */
@ApplicationScoped
public class TypingAnnouncer {
    @Inject
    RoomAccess rooms;

    @Inject
    Accounts accounts;

    @Inject
    Blocks blocks;

    @Inject
    Event<Typing> typing;

    /** Exactly one of {@code room} and {@code toUsername} is set. */
    public void typing(long userId, String username, String room, String toUsername) {
        if (room != null) {
            typing.fire(new Typing(rooms.requireMember(userId, room).name(), null, userId, username));
        } else {
            long to = accounts.require(toUsername).id();
            blocks.requireAccepts(to, userId);
            typing.fire(new Typing(null, to, userId, username));
        }
    }
}
