package dev.parley.messages.control;

import dev.parley.errors.InvalidPayload;
import dev.parley.files.control.FileStore;
import dev.parley.files.control.FileViews;
import dev.parley.files.entity.FileView;
import dev.parley.files.entity.StoredFile;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Messages' files: which a post may attach, a page's files in one query ({@code files_by_message}),
 * and the files that go with deleted or swept messages, rows and bytes. Always inside the caller's
 * transaction, so a message and its files are stored and deleted together.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MessageFiles {
    /** The most files one message carries. */
    public static final int MAX_PER_MESSAGE = 10;

    private static final Logger LOG = Logger.getLogger(MessageFiles.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    FileViews views;

    @Inject
    FileStore store;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** {@code database} or {@code s3}: whether the store's deletes are part of the caller's transaction. */
    @Inject
    @ConfigProperty(name = "parley.file-store", defaultValue = "database")
    String storeKind;

    /**
     * The ids a post names, checked for shape alone (whose they are is checked when the post is stored):
     * at most {@value #MAX_PER_MESSAGE}, each a positive id, each once; none when absent.
     */
    public static List<Long> check(List<Long> ids) {
        if (ids == null || ids.isEmpty()) return List.of();
        if (ids.size() > MAX_PER_MESSAGE) throw new InvalidPayload("A message carries at most " + MAX_PER_MESSAGE + " files");
        Set<Long> seen = new HashSet<>();
        for (Long id : ids) {
            if (id == null || id <= 0) throw new InvalidPayload("files must be file ids");
            if (!seen.add(id)) throw new InvalidPayload("A file is attached once");
        }
        return List.copyOf(ids);
    }

    /**
     * The files with these ids, locked until the transaction ends (two posts naming one file attach it
     * once), by id; one query for a whole batch of posts.
     */
    public Map<Long, StoredFile> lockForAttaching(Collection<Long> ids) {
        Map<Long, StoredFile> found = new LinkedHashMap<>();
        if (ids.isEmpty()) return found;
        em.createQuery("SELECT f FROM StoredFile f WHERE f.id IN :ids ORDER BY f.id", StoredFile.class)
                .setParameter("ids", ids).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().forEach(f -> found.put(f.id(), f));
        return found;
    }

    /** The views of a message's files, in order. */
    public List<FileView> views(List<StoredFile> files) {
        return files.isEmpty() ? List.of() : views.of(files);
    }

    /** The files of these messages, as views in each message's order; one query for the page. */
    public Map<Long, List<FileView>> of(List<Long> messageIds) {
        if (messageIds.isEmpty()) return Map.of();
        Map<Long, List<StoredFile>> byMessage = new LinkedHashMap<>();
        em.createQuery("SELECT f FROM StoredFile f WHERE f.messageId IN :ids ORDER BY f.messageId, f.position", StoredFile.class)
                .setParameter("ids", messageIds).getResultStream()
                .forEach(f -> byMessage.computeIfAbsent(f.messageId(), k -> new ArrayList<>()).add(f));
        Map<Long, List<FileView>> result = new LinkedHashMap<>();
        byMessage.forEach((id, files) -> result.put(id, views.of(files)));
        return result;
    }

    /** Whether the message has files (an edit may then leave its text empty). */
    public boolean any(long messageId) {
        return !em.createQuery("SELECT f.id FROM StoredFile f WHERE f.messageId = :id", Long.class)
                .setParameter("id", messageId).setMaxResults(1).getResultList().isEmpty();
    }

    /** Deletes the files of these messages, rows and bytes; returns how many. */
    public int deleteOf(List<Long> messageIds) {
        if (messageIds.isEmpty()) return 0;
        List<String> keys = new ArrayList<>();
        em.createQuery("SELECT f.storeKey, f.thumbnailKey FROM StoredFile f WHERE f.messageId IN :ids", Object[].class)
                .setParameter("ids", messageIds).getResultStream().forEach(row -> {
                    keys.add((String) row[0]);
                    if (row[1] != null) keys.add((String) row[1]);
                });
        if (keys.isEmpty()) return 0;
        int deleted = em.createQuery("DELETE FROM StoredFile f WHERE f.messageId IN :ids").setParameter("ids", messageIds).executeUpdate();
        deleteBytes(keys);
        return deleted;
    }

    /**
     * The database store deletes in this transaction: rows and bytes go together, or neither does. An
     * object store cannot take part in it, so its bytes go once the rows' deletion is committed (never
     * before: a rollback would leave rows without bytes); if that fails, the bytes are left behind,
     * unreachable, and it is logged.
     */
    private void deleteBytes(List<String> keys) {
        if ("database".equals(storeKind)) {
            try {
                store.delete(keys);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) return;
                try {
                    store.delete(keys);
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not delete the bytes of {0} deleted files from the store: {1}",
                            new Object[] {keys.size(), e.toString()});
                }
            }
        });
    }
}
