package dev.parley.rooms.control;

import dev.parley.accounts.control.Accounts;
import dev.parley.accounts.control.Blocks;
import dev.parley.accounts.entity.User;
import dev.parley.errors.Conflict;
import dev.parley.errors.Forbidden;
import dev.parley.errors.InvalidPayload;
import dev.parley.http.PageSize;
import dev.parley.errors.NotFound;
import dev.parley.presence.control.Presence;
import dev.parley.rooms.entity.ListedUser;
import dev.parley.rooms.entity.MemberView;
import dev.parley.rooms.entity.MembersPage;
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
    /** The longest page of members; {@code feed} holds every user. */
    public static final int MAX_MEMBERS = 500;
    public static final int DEFAULT_MEMBERS = 100;
    private static final PageSize MEMBERS_PAGE = new PageSize(DEFAULT_MEMBERS, MAX_MEMBERS);
    /** The groups members are listed in, and their order: the owner, the moderators, the rest. */
    private static final String GROUP = "CASE rm.role WHEN 'owner' THEN 0 WHEN 'moderator' THEN 1 ELSE 2 END";

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

    @Inject
    Event<RoomUpdated> updated;

    @Inject
    Presence presence;

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
        Role role = moderator ? Role.MODERATOR : Role.MEMBER;
        if (their.role() == role) return;
        membership.setRole(acting.room().id(), target.id(), role);
        updated.fire(RoomUpdated.forUsers(acting.room().name(), target.id()));
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
            updated.fire(RoomUpdated.forEveryMember(acting.room().name()));
        }
        return listings.view(acting.room(), userId);
    }

    /**
     * A page of a room's members, for whoever may read it: the owner, then the moderators, then the
     * rest, each group by username (case-insensitively). {@code after} is the last username of the
     * previous page: the page goes on from where that member stands now (their group and name), so
     * pages are exact while roles stay as they were; a cursor naming someone who has left since goes
     * on among the plain members.
     */
    @SuppressWarnings("unchecked")
    public MembersPage members(long userId, String name, String after, String limitAsked) {
        Room room = access.readable(userId, name);
        int limit = MEMBERS_PAGE.of(limitAsked);
        int group = 0;
        String key = "";
        if (after != null && !after.isEmpty()) {
            key = after.toLowerCase(java.util.Locale.ROOT);
            List<String> role = em.createNativeQuery("SELECT rm.role FROM room_members rm JOIN users u ON u.id = rm.user_id"
                    + " WHERE rm.room_id = ?1 AND u.username_key = ?2").setParameter(1, room.id()).setParameter(2, key).getResultList();
            group = role.isEmpty() ? 2 : switch (Role.of(role.get(0))) {
                case OWNER -> 0;
                case MODERATOR -> 1;
                case MEMBER -> 2;
            };
        }
        List<Object[]> rows = em.createNativeQuery("SELECT u.username, u.display_name, rm.role, rm.joined_at, u.bot, u.admin AND NOT u.guest FROM room_members rm"
                        + " JOIN users u ON u.id = rm.user_id WHERE rm.room_id = ?1 AND u.deleted_at IS NULL"
                        + " AND (" + GROUP + " > ?2 OR (" + GROUP + " = ?2 AND u.username_key > ?3))"
                        + " ORDER BY " + GROUP + ", u.username_key")
                .setParameter(1, room.id()).setParameter(2, group).setParameter(3, key).setMaxResults(limit + 1).getResultList();
        List<MemberView> members = rows.stream().limit(limit).map(r -> new MemberView((String) r[0], (String) r[1], (String) r[2],
                presence.isOnline((String) r[0]), instant(r[3]), Boolean.TRUE.equals(r[4]), Boolean.TRUE.equals(r[5]))).toList();
        return new MembersPage(members, rows.size() > limit);
    }

    /** Who is banned from the room, by whom and when, by username: for its owner and moderators (and admins). */
    public List<ListedUser> bans(long userId, String name) {
        return listed(userId, name, "SELECT u.username, u.display_name, b.username, x.banned_at FROM room_bans x"
                + " JOIN users u ON u.id = x.user_id LEFT JOIN users b ON b.id = x.banned_by AND b.deleted_at IS NULL"
                + " WHERE x.room_id = ?1 AND u.deleted_at IS NULL ORDER BY u.username_key");
    }

    /** Who is invited to the room and has not joined yet, by whom and when, by username: for its owner and moderators (and admins). */
    public List<ListedUser> invites(long userId, String name) {
        return listed(userId, name, "SELECT u.username, u.display_name, b.username, x.invited_at FROM room_invites x"
                + " JOIN users u ON u.id = x.user_id LEFT JOIN users b ON b.id = x.invited_by AND b.deleted_at IS NULL"
                + " WHERE x.room_id = ?1 AND u.deleted_at IS NULL ORDER BY u.username_key");
    }

    @SuppressWarnings("unchecked")
    private List<ListedUser> listed(long userId, String name, String sql) {
        Room room = access.byName(name);
        Standing standing = access.standing(room, userId);
        if (!standing.sees()) throw new NotFound("No such room");
        if (!standing.moderates()) throw new Forbidden("Only the room's owner and moderators can see this");
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, room.id()).getResultList();
        return rows.stream().map(r -> new ListedUser((String) r[0], (String) r[1], (String) r[2], instant(r[3]))).toList();
    }

    private static Instant instant(Object column) {
        if (column instanceof OffsetDateTime odt) return odt.toInstant();
        if (column instanceof java.sql.Timestamp ts) return ts.toInstant();
        if (column instanceof Instant i) return i;
        return column == null ? null : OffsetDateTime.parse(column.toString()).toInstant();
    }
}
