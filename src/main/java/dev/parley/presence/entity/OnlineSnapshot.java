package dev.parley.presence.entity;

import java.time.Instant;

/**
 * The first users online as a JSON array (at most {@code parley.presence.ready-online-max}), how
 * many are online in all, and the moment both were true: a client applies only the presence
 * changes {@code at} or after it, the earlier ones being in the list already.
 */
public record OnlineSnapshot(String json, int count, Instant asOf) {
}
