package dev.parley.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.bench.Soak;
import dev.parley.support.OwnServer;
import dev.parley.support.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three minutes of the soak's mixed traffic (bench/soak.sh runs the same for thirty) against a server
 * of its own on PostgreSQL, sampled every 30 s: nothing grows past the margins of
 * {@link Soak.Margins} between the first sample after a minute's warm-up and the last, the server
 * counts as many sockets, connected and in rooms, as the soak holds at every sample and none once
 * all are closed, and the
 * database never has more connections than the pool. No timing is asserted: a busy machine only
 * makes the traffic thinner. Its own server because it reads the server's process and database
 * alone, and needs the sign-up limit raised.
 */
class SoakIT {
    private static final int POOL = 32;

    @RegisterExtension
    static final OwnServer server = OwnServer.named("soak", 6).with("parley.signup.max-per-address", "1000000");

    @Test
    void threeMinutesOfMixedTrafficGrowNothingAndEverySocketClosedIsUncounted() throws Exception {
        StringBuilder table = new StringBuilder(Soak.HEADER);
        List<Soak.Sample> samples = new Soak(server.url(), TestDatabase.ADMIN_URL, TestDatabase.USER, server.databaseName())
                .run(16, Duration.ofMinutes(3), Duration.ofSeconds(30), line -> table.append('\n').append(line));
        System.out.println("soak, 3 minutes:\n" + table);
        assertEquals(List.of(), Soak.growth(samples, 2, Soak.Margins.defaults(POOL)), () -> "the soak grew (see " + server.log() + "):\n" + table);
    }
}
