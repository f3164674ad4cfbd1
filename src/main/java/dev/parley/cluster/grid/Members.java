package dev.parley.cluster.grid;

import com.hazelcast.core.HazelcastInstance;

/** What {@link Grid} asks of the instance, kept apart so that Grid itself names no Hazelcast type. */
final class Members {
    private Members() {
    }

    static boolean running(Object instance) {
        return instance instanceof HazelcastInstance hz && hz.getLifecycleService().isRunning();
    }

    static int count(Object instance) {
        HazelcastInstance hz = (HazelcastInstance) instance;
        return hz.getLifecycleService().isRunning() ? hz.getCluster().getMembers().size() : 0;
    }

    static String describe(Object instance) {
        HazelcastInstance hz = (HazelcastInstance) instance;
        return "Hazelcast cluster " + hz.getConfig().getClusterName() + ", " + hz.getCluster().getMembers().size()
                + " member(s), this one " + hz.getCluster().getLocalMember().getAddress();
    }
}
