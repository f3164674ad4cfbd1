package dev.parley.files.control;

import dev.parley.accounts.control.AccountDeleted;
import dev.parley.accounts.entity.User;
import dev.parley.errors.TooLarge;
import dev.parley.files.entity.StoredFile;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The rows of {@code files} and their bytes in the {@link FileStore}, kept together: a file is stored with
 * its row in one transaction, and deleted with it. On the database store the bytes are written and
 * deleted in the same transaction; on an object store they are deleted only once the rows' deletion has
 * committed (a rollback then loses nothing).
 */
@ApplicationScoped
@Transactional
public class StoredFiles {
    private static final Logger LOG = Logger.getLogger(StoredFiles.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    FileStore store;

    @Inject
    FileStores stores;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** The file with this id, or null. */
    public StoredFile find(long id) {
        return em.find(StoredFile.class, id);
    }

    /** Bytes the user has stored, unattached uploads included: what the quota counts. */
    public long used(long ownerId) {
        Number sum = (Number) em.createNativeQuery("SELECT COALESCE(SUM(size), 0) FROM files WHERE owner_id = ?")
                .setParameter(1, ownerId).getSingleResult();
        return sum.longValue();
    }

    /** What is stored for an upload before its row exists: the bytes' keys and what they are. */
    public record Upload(long ownerId, String name, String contentType, String key, long size, String sha256,
                         Integer width, Integer height, String thumbnailKey, String thumbnailType, Long thumbnailSize) {
    }

    /**
     * Writes the bytes under {@code upload}'s keys and the row, in one transaction, if the owner's stored
     * bytes stay within {@code quota}: the owner's account row is locked first, so that two uploads at
     * once cannot both pass the quota.
     */
    public StoredFile add(Upload upload, InputStream bytes, InputStream thumbnail, long quota) throws IOException {
        em.find(User.class, upload.ownerId(), LockModeType.PESSIMISTIC_WRITE);
        if (used(upload.ownerId()) + upload.size() > quota) throw Refusals.overQuota(quota);
        long written = store.write(upload.key(), bytes);
        if (written != upload.size()) throw new IOException("The file changed while it was stored");
        if (thumbnail != null) store.write(upload.thumbnailKey(), thumbnail);
        StoredFile file = new StoredFile(upload.ownerId(), upload.name(), upload.contentType(), upload.size(), upload.sha256(), upload.key());
        if (upload.width() != null) file.picture(upload.width(), upload.height());
        if (upload.thumbnailKey() != null) file.thumbnail(upload.thumbnailKey(), upload.thumbnailType(), upload.thumbnailSize());
        em.persist(file);
        em.flush(); // the id
        return file;
    }

    /**
     * Deletes the files' rows and bytes, in the caller's transaction (messages' deletion and retention
     * call this with the files of the messages they delete). Bytes in an object store go after commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void delete(Collection<StoredFile> files) {
        if (files.isEmpty()) return;
        List<String> keys = new ArrayList<>();
        for (StoredFile file : files) {
            keys.add(file.storeKey());
            if (file.thumbnailKey() != null) keys.add(file.thumbnailKey());
            em.remove(em.contains(file) ? file : em.merge(file));
        }
        if (stores.transactional()) {
            try {
                store.delete(keys);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) forget(keys);
                }
            });
        }
    }

    /** Deletes bytes whose rows are gone or were never made (an object store's, after a failed upload). */
    public void forget(Collection<String> keys) {
        try {
            store.delete(keys.stream().filter(Objects::nonNull).toList());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not delete {0} stored files'' bytes ({1}); they stay unreferenced",
                    new Object[] {keys.size(), e.getClass().getName()});
        }
    }

    /** Up to {@code limit} uploads attached to no message and made before {@code cutoff}, oldest first. */
    public List<StoredFile> unattachedBefore(Instant cutoff, int limit) {
        return em.createQuery("SELECT f FROM StoredFile f WHERE f.messageId IS NULL AND f.createdAt < :cutoff ORDER BY f.createdAt",
                        StoredFile.class)
                .setParameter("cutoff", cutoff).setMaxResults(limit).getResultList();
    }

    /** Deletes up to {@code limit} of the oldest unattached uploads made before {@code cutoff}; how many. */
    public int sweepUnattached(Instant cutoff, int limit) {
        List<StoredFile> old = unattachedBefore(cutoff, limit);
        delete(old);
        return old.size();
    }

    /**
     * A deleted account's unattached uploads go with it, in the deleting transaction; files attached to
     * its messages stay with the messages (contract: "their files go with their messages' rules").
     */
    void accountDeleted(@Observes AccountDeleted deleted) {
        delete(em.createQuery("SELECT f FROM StoredFile f WHERE f.ownerId = :owner AND f.messageId IS NULL", StoredFile.class)
                .setParameter("owner", deleted.userId()).getResultList());
    }
}
