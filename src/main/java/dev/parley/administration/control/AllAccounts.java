package dev.parley.administration.control;

import dev.parley.accounts.control.Admins;
import dev.parley.accounts.entity.User;
import dev.parley.administration.entity.AccountPage;
import dev.parley.administration.entity.AccountRow;
import dev.parley.sessions.control.Sessions;
import dev.parley.sessions.entity.SessionsOfUser;
import dev.parley.http.PageSize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every account a server admin can manage (guests and bots included, deleted ones left out), by
 * username case-insensitively, with whether it is disabled and its sessions. Only admins call it,
 * so a search by the start of a display name, which no index serves, needs no budget.
 */
@ApplicationScoped
@Transactional
public class AllAccounts {
    /** The admin listings\' page size (rooms are paged like the accounts). */
    public static final PageSize PAGE = new PageSize(50, 200);

    private static final char ESCAPE = '!';

    @PersistenceContext
    EntityManager em;

    @Inject
    Admins admins;

    @Inject
    Sessions sessions;

    /** Accounts whose username or display name starts with {@code query} (all when blank), after the username {@code after}. */
    public AccountPage page(long adminId, String query, String after, String limit) {
        admins.requireAdmin(adminId);
        int size = PAGE.of(limit);
        String prefix = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        TypedQuery<User> select = em.createQuery("SELECT u FROM User u WHERE u.deletedAt IS NULL AND u.usernameKey > :after"
                        + (prefix.isEmpty() ? "" : " AND (u.usernameKey LIKE :prefix ESCAPE '" + ESCAPE + "'"
                        + " OR LOWER(u.displayName) LIKE :prefix ESCAPE '" + ESCAPE + "')")
                        + " ORDER BY u.usernameKey", User.class)
                .setParameter("after", after == null ? "" : User.keyOf(after))
                .setMaxResults(size + 1);
        if (!prefix.isEmpty()) select.setParameter("prefix", escaped(prefix) + "%");
        List<User> found = select.getResultList();
        boolean hasMore = found.size() > size;
        List<User> users = hasMore ? found.subList(0, size) : found;
        Map<Long, SessionsOfUser> live = sessions.liveOf(users.stream().map(User::id).toList());
        return new AccountPage(users.stream().map(u -> {
            SessionsOfUser s = live.get(u.id());
            return new AccountRow(u.view(), u.disabled(), s == null ? null : s.lastSeenAt(), s == null ? 0 : s.live());
        }).toList(), hasMore);
    }

    /** {@code text} matched literally by LIKE: its wildcards (and the escape character) escaped. */
    static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (char c : text.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) out.append(ESCAPE);
            out.append(c);
        }
        return out.toString();
    }
}
