package dev.parley.rooms.control;

import dev.parley.accounts.control.Accounts;
import dev.parley.accounts.control.Blocks;
import dev.parley.accounts.entity.User;
import dev.parley.errors.Conflict;
import dev.parley.errors.Forbidden;
import dev.parley.errors.InvalidPayload;
import dev.parley.errors.NotFound;
import dev.parley.rooms.entity.MemberView;
import dev.parley.rooms.entity.Role;
import dev.parley.rooms.entity.Room;
import dev.parley.rooms.entity.RoomView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a room's owner and moderators (and server admins) do to its people: invitations, removals,
 * bans, moderators, handing the room over; and the member list. Who may is {@link Standing}'s rule;
 * each action locks the room's membership ({@link Membership#lockMembership}), so a ban and a join at once
 * cannot leave a banned member. {@code feed} is everyone's: nobody is removed from it or invited to it,
 * and only admins moderate it (they delete messages there).
 */
@ApplicationScoped
@Transactional
public class Moderation {
    /** The longest member list answered; {@code feed} holds every user. */
    public static final int MAX_MEMBERS = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    RoomAccess access;

    @Inject
    Membership membership;

    @Inject
    RoomListings listings;

    @Inject
    Accounts accounts;

    @Inject
    Blocks blocks;

    @Inject
    Event<MemberRemoved> removed;

    @Inject
    Event<Invited> invited;

    /** The room and the acting user's standing, once it is known they may act: else {@code not_found} or {@code forbidden}. */
    private record Acting(Room room, Standing standing) {
    }

    private Acting acting(long userId, String name, boolean ownerOnly) {
        Room room = access.byName(name);
        membership.lockMembership(room.id());
        Standing standing = access.standing(room, userId);
        if (!standing.sees()) throw new NotFound("No such room");
        if (room.isFeed()) throw new Forbidden("feed is everyone's room: nobody is invited to it or removed from it");
        if (ownerOnly ? !standing.owns() : !standing.moderates()) {
            throw new Forbidden(ownerOnly ? "Only the room's owner can do this" : "Only the room's owner and moderators can do this");
        }
        return new Acting(room, standing);
    }

    /**
     * A banned user cannot be invited, nor a user who blocks the inviter; a member need not be.
     * Inviting again changes nothing and tells no one.
     */
    public void invite(long userId, String name, String username) {
        Acting acting = acting(userId, name, false);
        if (username == null || username.isBlank()) throw new InvalidPayload("username is required");
        User target = accounts.require(username);
        Standing their = access.standing(acting.room(), target.id());
        if (their.banned()) throw new Forbidden("That user is banned from this room");
        blocks.requireAccepts(target.id(), userId, "This user does not accept your invitations");
        if (their.member()) throw new Conflict("That user is a member already");
        if (their.invited()) return;
        em.createNativeQuery("INSERT INTO room_invites (room_id, user_id, invited_by, invited_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, acting.room().id()).setParameter(2, target.id()).setParameter(3, userId)
                .setParameter(4, Membership.now()).executeUpdate();
        invited.fire(new Invited(target.id(), listings.view(acting.room(), target.id())));
    }

    /** A moderator withdraws an invitation, or the invitee declines it. Idempotent. */
    public void withdraw(long userId, String name, String username) {
        User target = accounts.require(username);
        if (target.id() == userId) {
            Room room = access.visible(userId, name);
            membership.lockMembership(room.id());
            membership.forgetInvitation(room.id(), userId);
            return;
        }
        membership.forgetInvitation(acting(userId, name, false).room().id(), target.id());
    }

    /**
     * Removes a member ({@code kicked}) or bans a user ({@code banned}: also a non-member, and it removes
     * a member and withdraws an invitation). Only someone of a lower rank: a moderator never removes the
     * owner or another moderator, nobody removes an admin. Their sockets leave the room at once.
     */
    public void remove(long userId, String name, String username, boolean ban) {
        Acting acting = acting(userId, name, false);
        User target = accounts.require(username);
        if (target.id() == userId) throw new InvalidPayload(ban ? "You cannot ban yourself" : "To leave a room, leave it");
        long roomId = acting.room().id();
        Standing their = access.standing(acting.room(), target.id());
        if (!ban && !their.member()) throw new NotFound("That user is not a member of this room");
        if (!acting.standing().outranks(their)) throw new Forbidden("Only someone above that user in this room can remove them");
        if (ban && !their.banned()) {
            em.createNativeQuery("INSERT INTO room_bans (room_id, user_id, banned_by, banned_at) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, roomId).setParameter(2, target.id()).setParameter(3, userId)
                    .setParameter(4, Membership.now()).executeUpdate();
        }
        if (ban) membership.forgetInvitation(roomId, target.id());
        if (membership.removeMember(roomId, target.id())) {
            removed.fire(new MemberRemoved(target.id(), acting.room().name(), ban ? MemberRemoved.BANNED : MemberRemoved.KICKED));
        }
    }

    /** Lifts a ban; the user may join (or be invited) again. Idempotent. */
    public void unban(long userId, String name, String username) {
        Acting acting = acting(userId, name, false);
        em.createNativeQuery("DELETE FROM room_bans WHERE room_id = ?1 AND user_id = ?2")
                .setParameter(1, acting.room().id()).setParameter(2, accounts.require(username).id()).executeUpdate();
    }

    /** The owner names a member moderator, or makes a moderator a plain member again. Idempotent. */
    public void moderator(long userId, String name, String username, boolean moderator) {
        Acting acting = acting(userId, name, true);
        User target = accounts.require(username);
        Standing their = access.standing(acting.room(), target.id());
        if (!their.member()) throw new NotFound("That user is not a member of this room");
        if (their.role() == Role.OWNER) throw new Conflict("The owner is above moderators; hand the room over instead");
        membership.setRole(acting.room().id(), target.id(), moderator ? Role.MODERATOR : Role.MEMBER);
    }

    /** The owner (or an admin) hands the room to another member; the owner before stays as a moderator. */
    public RoomView handOver(long userId, String name, String username) {
        if (username == null || username.isBlank()) throw new InvalidPayload("username is required");
        Acting acting = acting(userId, name, true);
        User target = accounts.require(username);
        Standing their = access.standing(acting.room(), target.id());
        if (!their.member()) throw new NotFound("That user is not a member of this room");
        if (their.role() != Role.OWNER) {
            em.createNativeQuery("UPDATE room_members SET role = ?2 WHERE room_id = ?1 AND role = ?3")
                    .setParameter(1, acting.room().id()).setParameter(2, Role.MODERATOR.wire()).setParameter(3, Role.OWNER.wire())
                    .executeUpdate();
            membership.setRole(acting.room().id(), target.id(), Role.OWNER);
        }
        return listings.view(acting.room(), userId);
    }

    /** The members of a room whoever may read it, owner first, then moderators, then by username; at most {@link #MAX_MEMBERS}. */
    @SuppressWarnings("unchecked")
    public List<MemberView> members(long userId, String name) {
        Room room = access.readable(userId, name);
        List<Object[]> rows = em.createNativeQuery("SELECT u.username, u.display_name, rm.role, rm.joined_at, u.bot FROM room_members rm"
                        + " JOIN users u ON u.id = rm.user_id WHERE rm.room_id = ?1 AND u.deleted_at IS NULL"
                        + " ORDER BY CASE rm.role WHEN 'owner' THEN 0 WHEN 'moderator' THEN 1 ELSE 2 END, u.username_key")
                .setParameter(1, room.id()).setMaxResults(MAX_MEMBERS).getResultList();
        return rows.stream().map(r -> new MemberView((String) r[0], (String) r[1], (String) r[2], instant(r[3]), Boolean.TRUE.equals(r[4]))).toList();
    }

    private static Instant instant(Object column) {
        if (column instanceof OffsetDateTime odt) return odt.toInstant();
        if (column instanceof java.sql.Timestamp ts) return ts.toInstant();
        if (column instanceof Instant i) return i;
        return column == null ? null : OffsetDateTime.parse(column.toString()).toInstant();
    }
}
