package dev.parley.sessions.control;

import dev.parley.cluster.ClusterEvent;
import dev.parley.sessions.entity.EndReason;
import java.util.List;

/**
 * Sessions that have just ended, fired once the ending has committed. The session cache forgets
 * them and the realtime component disconnects their sockets; it crosses the cluster seam so that
 * other nodes do the same.
 */
public record SessionsEnded(List<String> sessionIds, EndReason reason) implements ClusterEvent {

    /** Its token must be refused on every node by the time the ending answers. */
    @Override
    public boolean awaitedByEveryNode() {
        return true;
    }
}
