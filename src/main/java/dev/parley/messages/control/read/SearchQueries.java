package dev.parley.messages.control.read;

import dev.parley.database.Database;
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
    List<Long> ids(String q, String scope, List<Object> scopeParameters, Long before, int limit) {
        if (!database.postgres()) {
            List<Object> parameters = new ArrayList<>(List.of(1));
            parameters.addAll(scopeParameters);
            return run("?1 = 1" + likes(q, parameters), scope, parameters, before, limit, false);
        }
        List<Object> parameters = new ArrayList<>(List.of(q));
        parameters.addAll(scopeParameters);
        // A common word is found among the newest messages at once, a rare one by the index, whose cost
        // grows with the matches. PostgreSQL's planner cannot tell which a word is (without statistics it
        // may scan the whole table backwards for a rare one), so the query says it: the newest, then the index.
        List<Long> recent = run(MATCH, scope, parameters, before, limit, true);
        if (recent.size() == limit) return recent;
        return run(MATCH, scope, parameters, before, limit, false);
    }

    private static final String MATCH = "to_tsvector('simple', m.body) @@ websearch_to_tsquery('simple', ?1)";
    /** How many of the newest messages the first try looks through. */
    static final int RECENT = 2000;

    @SuppressWarnings("unchecked")
    private List<Long> run(String match, String scope, List<Object> given, Long before, int limit, boolean recentOnly) {
        List<Object> parameters = new ArrayList<>(given);
        String below = "";
        if (before != null) {
            parameters.add(before);
            below = " AND m.id < ?" + parameters.size();
        }
        String admitted = "m.deleted_at IS NULL AND (" + scope + ")" + below;
        String sql = recentOnly
                ? "SELECT m.id FROM (SELECT m.id, m.body FROM messages m WHERE " + admitted + " ORDER BY m.id DESC LIMIT " + RECENT
                        + ") m WHERE " + match + " ORDER BY m.id DESC"
                : "SELECT m.id FROM messages m WHERE " + admitted + " AND " + match + " ORDER BY m.id DESC";
        // setMaxResults is JDBC's maxRows, not a LIMIT: the planner plans for every match, and takes the index.
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
