package dev.parley.accounts.control;

import dev.parley.accounts.entity.DirectoryEntry;
import dev.parley.accounts.entity.User;
import dev.parley.errors.InvalidPayload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;

/**
 * The people directory for name completion: registered and bot accounts (never guests, disabled or
 * deleted ones) whose username or display name starts with what was typed, case-insensitively. On
 * PostgreSQL each prefix is a range of one of the partial indexes of V18_1; on the embedded database
 * the username's is a range of the unique key's index.
 */
@ApplicationScoped
@Transactional
public class Directory {
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 20;

    /** Longer than any username (32) or display name (64): such a query could match nobody. */
    static final int MAX_QUERY = 64;

    @PersistenceContext
    EntityManager em;

    /** At most {@code limit} accounts, the one called exactly {@code query} first, then by username. */
    public List<DirectoryEntry> find(String query, int limit) {
        String prefix = prefix(query);
        if (limit < 1 || limit > MAX_LIMIT) throw new InvalidPayload("limit must be 1 to " + MAX_LIMIT);
        String pattern = escape(prefix) + "%";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT username, display_name, bot FROM users"
                        + " WHERE deleted_at IS NULL AND disabled_at IS NULL AND guest = FALSE"
                        + " AND (username_key LIKE ?1 OR LOWER(display_name) LIKE ?1)"
                        + " ORDER BY CASE WHEN username_key = ?2 THEN 0 ELSE 1 END, username_key")
                .setParameter(1, pattern)
                .setParameter(2, prefix)
                .setMaxResults(limit)
                .getResultList();
        return rows.stream().map(r -> new DirectoryEntry((String) r[0], (String) r[1], Boolean.TRUE.equals(r[2]))).toList();
    }

    /** The query as compared: lower case, 1 to {@value #MAX_QUERY} characters. */
    static String prefix(String query) {
        if (query == null || query.isBlank()) throw new InvalidPayload("query must be at least 1 character");
        if (query.length() > MAX_QUERY) throw new InvalidPayload("query must be at most " + MAX_QUERY + " characters");
        return User.keyOf(query.strip()).toLowerCase(Locale.ROOT);
    }

    /** LIKE's own characters taken literally (backslash is the escape on PostgreSQL and H2 alike): {@code _} is common in usernames. */
    static String escape(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
