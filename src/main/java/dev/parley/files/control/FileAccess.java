package dev.parley.files.control;

import dev.parley.errors.NotFound;
import dev.parley.files.entity.StoredFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Who may read a file: its uploader, and whoever may read a message it is attached to (asked of the
 * messages component through {@link MessageAccess}; with no implementation deployed, the uploader alone).
 * To anyone else a file is {@code not_found}, as if it did not exist.
 */
@ApplicationScoped
public class FileAccess {
    static final String NONE = "No such file";

    @Inject
    StoredFiles files;

    @Inject
    Instance<MessageAccess> messages;

    /** The file, if the user may read it; else {@code not_found}. */
    public StoredFile readable(long userId, long fileId) {
        StoredFile file = files.find(fileId);
        if (file == null || !mayRead(userId, file)) throw new NotFound(NONE);
        return file;
    }

    /** The file, whoever asks (a valid signed link was checked); {@code not_found} if it is gone. */
    public StoredFile existing(long fileId) {
        StoredFile file = files.find(fileId);
        if (file == null) throw new NotFound(NONE);
        return file;
    }

    public boolean mayRead(long userId, StoredFile file) {
        if (file.ownerId() == userId) return true;
        return file.messageId() != null && messages.isResolvable() && messages.get().mayRead(userId, file.messageId());
    }
}
