package dev.parley.rooms.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rooms.entity.Role;
import org.junit.jupiter.api.Test;

/** Who may do what in a room: the rule REST and Socket.IO share. */
class StandingTest {
    private static Standing in(boolean privateRoom, Role role) {
        return new Standing(privateRoom, false, role, false, false, false);
    }

    private static final Standing OWNER = in(true, Role.OWNER);
    private static final Standing MODERATOR = in(true, Role.MODERATOR);
    private static final Standing MEMBER = in(true, Role.MEMBER);
    private static final Standing STRANGER = in(true, null);
    private static final Standing INVITED = new Standing(true, false, null, true, false, false);
    private static final Standing ADMIN = new Standing(true, false, null, false, false, true);

    @Test
    void aPrivateRoomExistsOnlyForItsMembersInviteesAndAdmins() {
        for (Standing sees : new Standing[] {OWNER, MODERATOR, MEMBER, INVITED, ADMIN}) assertTrue(sees.sees(), sees.toString());
        assertFalse(STRANGER.sees());
        assertFalse(new Standing(true, false, null, false, true, false).sees(), "a ban is no invitation");
        assertTrue(in(false, null).sees(), "a public room exists for everyone");
    }

    @Test
    void aPrivateRoomIsReadByItsMembersAndAdminsButNotByInviteesYet() {
        for (Standing reads : new Standing[] {OWNER, MODERATOR, MEMBER, ADMIN}) assertTrue(reads.reads(), reads.toString());
        assertFalse(INVITED.reads());
        assertFalse(STRANGER.reads());
        assertTrue(in(false, null).reads(), "anyone reads a public room");
    }

    @Test
    void ownersModeratorsAndAdminsModerateOwnersAndAdminsOwn() {
        for (Standing m : new Standing[] {OWNER, MODERATOR, ADMIN}) assertTrue(m.moderates(), m.toString());
        for (Standing m : new Standing[] {MEMBER, STRANGER, INVITED}) assertFalse(m.moderates(), m.toString());
        assertTrue(OWNER.owns());
        assertTrue(ADMIN.owns());
        assertFalse(MODERATOR.owns());
    }

    @Test
    void onlyAHigherRankRemoves() {
        assertTrue(MODERATOR.outranks(MEMBER));
        assertTrue(MODERATOR.outranks(STRANGER));
        assertFalse(MODERATOR.outranks(OWNER), "a moderator cannot remove the owner");
        assertFalse(MODERATOR.outranks(MODERATOR));
        assertTrue(OWNER.outranks(MODERATOR));
        assertTrue(ADMIN.outranks(OWNER));
        assertFalse(OWNER.outranks(ADMIN));
        assertFalse(ADMIN.outranks(ADMIN));
        assertFalse(MEMBER.outranks(STRANGER), "a member moderates nothing");
    }
}
