package dev.parley.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Somebody who chats: registered with a password, a guest known by name only, or a bot (tokens only) that a registered account owns. */
@Entity
@Table(name = "users")
@NamedQuery(name = User.BY_KEY, query = "SELECT u FROM User u WHERE u.usernameKey = :key")
@NamedQuery(name = User.BOTS_OF, query = "SELECT u FROM User u WHERE u.ownerId = :owner AND u.deletedAt IS NULL ORDER BY u.usernameKey")
public class User {
    public static final String BY_KEY = "User.byKey";
    public static final String BOTS_OF = "User.botsOf";
    /** How messages of a deleted account show their sender. */
    public static final String DELETED_DISPLAY_NAME = "Deleted user";

    @Id
    @SequenceGenerator(name = "user_id", sequenceName = "user_id_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_id") private Long id;

    /** Null once the account is deleted. */
    @Column private String username;

    /** Usernames are unique case-insensitively; this is the form they are compared in. Null (the name free) once deleted. */
    @Column(name = "username_key") private String usernameKey;
    @Column(name = "display_name", nullable = false) private String displayName;
    @Column(name = "password_hash") private String passwordHash;
    @Column(nullable = false) private boolean guest;
    @Column(name = "created_at", nullable = false) private Instant createdAt;
    @Column(name = "deleted_at") private Instant deletedAt;

    /** Set by a server admin: the account cannot log in. */
    @Column(name = "disabled_at") private Instant disabledAt;

    /** A server admin: a role of this account (this id), never of a name; granted at startup or by another admin. */
    @Column(nullable = false) private boolean admin;

    /** A bot: no password, acts through the tokens its owner makes for it. */
    @Column(nullable = false) private boolean bot;

    /** The registered account that made this bot; null for everyone else. */
    @Column(name = "owner_id") private Long ownerId;

    protected User() {
    }

    public User(String username, String displayName, String passwordHash, boolean guest) {
        this.username = username;
        this.usernameKey = keyOf(username);
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.guest = guest;
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A bot account owned by {@code ownerId}: it has no password, so password login never matches. */
    public static User bot(String username, String displayName, long ownerId) {
        User bot = new User(username, displayName, null, false);
        bot.bot = true;
        bot.ownerId = ownerId;
        return bot;
    }

    public static String keyOf(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    public Long id() { return id; }
    public String username() { return username; }
    public String displayName() { return displayName; }
    public String passwordHash() { return passwordHash; }
    public boolean guest() { return guest; }
    public Instant createdAt() { return createdAt; }
    public boolean deleted() { return deletedAt != null; }
    public boolean disabled() { return disabledAt != null; }
    public boolean admin() { return admin; }
    public boolean bot() { return bot; }
    public Long ownerId() { return ownerId; }

    /** A person with a password: may own bots and make tokens (not a guest, not a bot). */
    public boolean registered() { return !guest && !bot && !deleted(); }

    /** Grants or takes the server admin role; false if the account already had it so. */
    public boolean makeAdmin(boolean admin) {
        if (admin == this.admin) return false;
        this.admin = admin;
        return true;
    }

    /** Disables or enables the account; false if it already was so. */
    public boolean disable(boolean disabled) {
        if (disabled == disabled()) return false;
        this.disabledAt = disabled ? Instant.now().truncatedTo(ChronoUnit.MILLIS) : null;
        return true;
    }

    public void rename(String displayName) {
        this.displayName = displayName;
    }

    public void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    /**
     * Leaves a tombstone that keeps the id (messages, conversations and sessions point at it) and
     * nothing that identifies the person; a null key frees the name.
     */
    public void erase() {
        this.username = null;
        this.usernameKey = null;
        this.displayName = DELETED_DISPLAY_NAME;
        this.passwordHash = null;
        this.admin = false;
        this.ownerId = null;
        this.deletedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public UserView view() {
        return new UserView(id, username, displayName, createdAt, guest, bot, admin);
    }
}
