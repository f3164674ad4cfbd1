package dev.parley.messages.control;

import dev.parley.errors.InvalidPayload;
import dev.parley.files.control.FileViews;
import dev.parley.files.control.StoredFiles;
import dev.parley.files.entity.FileView;
import dev.parley.files.entity.StoredFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    @PersistenceContext
    EntityManager em;

    @Inject
    FileViews views;

    @Inject
    StoredFiles stored;

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

    /**
     * Deletes the files of these messages, rows and bytes ({@link StoredFiles#delete}: the database
     * store's bytes in this transaction, an object store's after it commits); returns how many.
     */
    public int deleteOf(List<Long> messageIds) {
        if (messageIds.isEmpty()) return 0;
        List<StoredFile> attached = em.createQuery("SELECT f FROM StoredFile f WHERE f.messageId IN :ids", StoredFile.class)
                .setParameter("ids", messageIds).getResultList();
        stored.delete(attached);
        return attached.size();
    }
}
