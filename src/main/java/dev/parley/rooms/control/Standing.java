package dev.parley.rooms.control;

import dev.parley.rooms.entity.Role;

/**
 * Where one user stands in one room, and so what they may do there: the one rule, for REST and
 * Socket.IO alike. A private room does not exist to anyone who is neither a member nor invited (nor
 * a server admin). Ranks: admin above owner above moderator above member; one may remove or ban only
 * someone of a lower rank. A server admin has the owner's powers in every room.
 *
 * @param role   the user's role as a member; null when not a member
 * @param admin  a server admin (a role of the account, {@code accounts/control/Admins})
 */
public record Standing(boolean privateRoom, boolean feed, Role role, boolean invited, boolean banned, boolean admin) {

    public boolean member() {
        return role != null;
    }

    /** Whether the room exists for this user at all (else every request naming it is {@code not_found}). */
    public boolean sees() {
        return !privateRoom || member() || invited || admin;
    }

    /** History, search: a public room's by anyone, a private room's by its members (and admins). */
    public boolean reads() {
        return !privateRoom || member() || admin;
    }

    /** Invite, withdraw invitations, remove, ban, lift bans, delete others' messages. */
    public boolean moderates() {
        return admin || role == Role.OWNER || role == Role.MODERATOR;
    }

    /** Name and remove moderators, hand the room over. */
    public boolean owns() {
        return admin || role == Role.OWNER;
    }

    /** Whether this user may remove or ban {@code target}: a moderator, never the owner or another moderator. */
    public boolean outranks(Standing target) {
        return moderates() && rank() > target.rank();
    }

    private int rank() {
        if (admin) return 3;
        if (role == null) return 0;
        return switch (role) {
            case OWNER -> 2;
            case MODERATOR -> 1;
            case MEMBER -> 0;
        };
    }
}
