package dev.parley.messages.control;

import dev.parley.platform.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place search speaks each database's SQL. PostgreSQL: full-text, {@code to_tsvector('simple',
 * body) @@ websearch_to_tsquery('simple', q)} on the GIN index of migration V6_1 (words, {@code "quoted
 * phrases"}, {@code -excluded}, {@code or}). H2 has no such index: the same syntax becomes
 * case-insensitive substring tests ({@code LIKE}), a phrase one substring, {@code -word} a {@code NOT
 * LIKE}, {@code or} ignored; so H2 also finds words inside words ({@code cat} in {@code concat}) and
 * does not read text as words.
 */
@ApplicationScoped
@Transactional
public class SearchQueries {
    private static final Pattern TERM = Pattern.compile("(-?)\"([^\"]*)\"|(-?)(\\S+)");

    @PersistenceContext
    EntityManager em;

    @Inject
    Database database;

    /**
     * Ids of messages matching {@code q}, newest first, below {@code before}, at most {@code limit},
     * among those {@code scope} admits ({@code m} is the messages table; its parameters start at 2).
     */
    @SuppressWarnings("unchecked")
    List<Long> ids(String q, String scope, List<Object> scopeParameters, Long before, int limit) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(null); // ?1: the query, where the database takes it whole
        parameters.addAll(scopeParameters);
        String match;
        if (database.postgres()) {
            parameters.set(0, q);
            match = "to_tsvector('simple', m.body) @@ websearch_to_tsquery('simple', ?1)";
        } else {
            parameters.set(0, 1);
            match = "?1 = 1" + likes(q, parameters);
        }
        String sql = "SELECT m.id FROM messages m WHERE m.deleted_at IS NULL AND " + match + " AND (" + scope + ")"
                + (before != null ? " AND m.id < ?" + (parameters.size() + 1) : "") + " ORDER BY m.id DESC";
        if (before != null) parameters.add(before);
        Query query = em.createNativeQuery(sql).setMaxResults(limit);
        for (int i = 0; i < parameters.size(); i++) query.setParameter(i + 1, parameters.get(i));
        return ((List<Number>) query.getResultList()).stream().map(Number::longValue).toList();
    }

    /** H2: each term a LIKE (or NOT LIKE) on the lower-cased body. */
    private static String likes(String q, List<Object> parameters) {
        StringBuilder sql = new StringBuilder();
        Matcher m = TERM.matcher(q);
        while (m.find()) {
            boolean phrase = m.group(2) != null;
            boolean not = "-".equals(phrase ? m.group(1) : m.group(3));
            String term = (phrase ? m.group(2) : m.group(4)).toLowerCase(Locale.ROOT);
            if (term.isBlank() || (!phrase && term.equals("or"))) continue;
            parameters.add("%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            sql.append(" AND LOWER(m.body) ").append(not ? "NOT " : "").append("LIKE ?").append(parameters.size()).append(" ESCAPE '\\'");
        }
        return sql.toString();
    }
}
