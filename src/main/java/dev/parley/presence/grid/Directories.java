package dev.parley.presence.grid;

import dev.parley.cluster.grid.Grid;
import dev.parley.presence.control.LocalDirectory;
import dev.parley.presence.control.OnlineDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/**
 * Picks the presence directory once: the grid's when this node is part of a Hazelcast cluster
 * ({@link Grid#clustered()}), else the single node's. Names no Hazelcast type, so that it loads in a
 * container without Hazelcast (WildFly); {@link GridDirectory} is loaded only when clustered.
 */
@ApplicationScoped
public class Directories {

    @Produces
    @ApplicationScoped
    OnlineDirectory directory(Grid grid) {
        return grid.clustered() ? GridDirectory.of(grid.instance()) : new LocalDirectory();
    }

    void close(@Disposes OnlineDirectory directory) {
        directory.close();
    }
}
