package dev.parley.messages.control;

import dev.parley.cluster.ClusterEvent;
import java.util.List;

/**
 * A user's new display name, and who is told of it ({@code user_updated}): the members of the rooms
 * they share ({@code rooms}, {@code feed} left out), the people they have a conversation with
 * ({@code people}), and the user.
 */
public record NameChanged(long userId, String username, String displayName, List<String> rooms, List<Long> people)
        implements ClusterEvent {
}
