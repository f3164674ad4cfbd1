package dev.parley.presence.grid;

import dev.parley.presence.control.UserSockets;
import java.util.Map;
import java.util.UUID;

/**
 * A user's {@link UserSockets} as the grid stores it: a plain string, one field per line. Only
 * Hazelcast's own types cross the grid (a String value, a Long key, its built-in predicates), never a
 * class of the application: Payara's serializer finds an application class by the sender's
 * invocation context, which Hazelcast's own threads (backups, migrations) do not have. Usernames and
 * display names hold no control characters (accounts' rules), so a line break never occurs in them.
 *
 * <pre>
 * version epoch sinceMillis online(0|1) graceOwner(-|uuid) bot(0|1)
 * username
 * displayName
 * node-uuid admitted connected      (one line per node with sockets)
 * </pre>
 */
final class StoredSockets {
    private StoredSockets() {
    }

    static String encode(UserSockets user) {
        StringBuilder out = new StringBuilder(96 + user.nodes.size() * 48)
                .append(user.version).append(' ').append(user.epoch).append(' ').append(user.sinceMillis).append(' ')
                .append(user.online ? 1 : 0).append(' ').append(user.graceOwner == null ? "-" : user.graceOwner.toString()).append(' ').append(user.bot ? 1 : 0)
                .append('\n').append(user.username).append('\n').append(user.displayName);
        for (Map.Entry<UUID, int[]> node : user.nodes.entrySet()) {
            out.append('\n').append(node.getKey()).append(' ').append(node.getValue()[0]).append(' ').append(node.getValue()[1]);
        }
        return out.toString();
    }

    static UserSockets decode(String stored) {
        UserSockets user = new UserSockets();
        if (stored == null) return user;
        String[] lines = stored.split("\n", -1);
        String[] head = lines[0].split(" ");
        user.version = Long.parseLong(head[0]);
        user.epoch = Long.parseLong(head[1]);
        user.sinceMillis = Long.parseLong(head[2]);
        user.online = "1".equals(head[3]);
        user.graceOwner = "-".equals(head[4]) ? null : UUID.fromString(head[4]);
        user.bot = head.length > 5 && "1".equals(head[5]); // absent in entries written before bots
        user.username = lines[1];
        user.displayName = lines[2];
        for (int i = 3; i < lines.length; i++) {
            String[] node = lines[i].split(" ");
            user.nodes.put(UUID.fromString(node[0]), new int[]{Integer.parseInt(node[1]), Integer.parseInt(node[2])});
        }
        return user;
    }
}
