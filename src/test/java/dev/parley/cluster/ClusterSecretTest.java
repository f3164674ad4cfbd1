package dev.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A clustered node does not start without a cluster secret worth the name, and its error says what to set without repeating the secret. */
class ClusterSecretTest {

    @Test
    void noSecretStopsAClusteredNodeSayingWhatToSet() {
        for (Optional<String> none : java.util.List.of(Optional.<String>empty(), Optional.of("  "))) {
            String error = assertThrows(IllegalStateException.class, () -> Cluster.requireSecret(none)).getMessage();
            assertTrue(error.contains("PARLEY_CLUSTER_SECRET") && error.contains("--nohazelcast"), error);
        }
    }

    @Test
    void aShortSecretStopsItWithoutBeingLogged() {
        String error = assertThrows(IllegalStateException.class, () -> Cluster.requireSecret(Optional.of("tooShort-Secret"))).getMessage();
        assertTrue(error.contains("at least " + Cluster.SECRET_MIN_LENGTH), error);
        assertFalse(error.contains("tooShort-Secret"), error);
    }

    @Test
    void aLongEnoughSecretIsUsedAsGiven() {
        String secret = "k1GkD3bQ0n5Jx2vZp8Ywq4RrT6sUa9Lm+HcE7fNiO0=";
        assertEquals(secret, Cluster.requireSecret(Optional.of(secret + "\n")));
    }
}
