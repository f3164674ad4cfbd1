package dev.parley.database;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's files made 0600 from the start: the database, its trace file (written on any SQL error) and
 * its temporary files. Java cannot set the process's umask, and H2 creates files with the default
 * mode (0644 under the usual umask); this H2 file system (scheme {@code private:}) creates each file
 * with owner-only permissions before H2 opens it, and otherwise is H2's own disk file system.
 */
public class PrivateH2Files extends FilePathWrapper {
    static final String SCHEME = "private";
    private static volatile boolean registered;

    /**
     * The JDBC URL with its file path under this scheme ({@code jdbc:h2:/data/parley} becomes
     * {@code jdbc:h2:private:/data/parley}); an URL of any other kind as it is.
     */
    static String wrap(String jdbcUrl) {
        if (DataFolder.ofH2(jdbcUrl) == null || !DataFolder.POSIX) return jdbcUrl;
        register();
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        if (rest.startsWith("file:")) rest = rest.substring("file:".length());
        return "jdbc:h2:" + SCHEME + ":" + rest;
    }

    private static synchronized void register() {
        if (registered) return;
        FilePath.register(new PrivateH2Files());
        registered = true;
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        if (mode.contains("w")) createPrivately();
        return super.open(mode);
    }

    @Override
    public OutputStream newOutputStream(boolean append) throws IOException {
        createPrivately();
        return super.newOutputStream(append);
    }

    @Override
    public boolean createFile() {
        try {
            Files.createFile(path(), PosixFilePermissions.asFileAttribute(DataFolder.OWNER_ONLY_FILE));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void createPrivately() throws IOException {
        Path file = path();
        if (Files.exists(file)) return;
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(DataFolder.OWNER_ONLY_FILE));
        } catch (FileAlreadyExistsException raced) { // H2 or another thread made it meanwhile: fine
        }
    }

    private Path path() {
        return Path.of(getBase().toString());
    }
}
