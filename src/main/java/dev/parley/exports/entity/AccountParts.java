package dev.parley.exports.entity;

import dev.parley.accounts.entity.BlockView;
import dev.parley.accounts.entity.UserView;
import dev.parley.rooms.entity.RoomView;
import dev.parley.sessions.entity.AccessTokenView;
import dev.parley.sessions.entity.SessionView;
import java.util.List;

/** Everything of a user's export but their messages: each part small, read in one transaction. */
public record AccountParts(UserView account, List<SessionView> sessions, List<RoomView> rooms, List<BlockView> blocks,
                           List<AccessTokenView> tokens, List<UserView> bots) {
}
