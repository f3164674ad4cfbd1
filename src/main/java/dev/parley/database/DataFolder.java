package dev.parley.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Parley's local files (the embedded database, the public keys for MP-JWT) are readable by its own
 * user only: the folder 0700, its files 0600. The embedded database holds the token signing key.
 * The folder is made before the database opens it; the database makes its files 0600 itself
 * ({@link PrivateH2Files}); files made before (by an older version) are tightened at startup, and
 * whatever else appears, once a minute.
 */
public final class DataFolder {
    public static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Logger LOG = Logger.getLogger(DataFolder.class.getName());
    static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static volatile boolean warned;

    private DataFolder() {
    }

    /** Makes the folder (and its parents) if needed, 0700, and every file directly in it 0600. */
    public static void secure(Path folder) {
        try {
            if (!Files.isDirectory(folder)) {
                if (folder.getParent() != null) Files.createDirectories(folder.getParent());
                if (POSIX) Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
                else Files.createDirectory(folder);
            }
            if (!POSIX) return;
            try {
                Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
            } catch (IOException notOurs) { // a folder made by someone else (a container's volume, say): say so, carry on
                if (!warned) LOG.warning(() -> "Cannot make " + folder + " readable by this user only (" + notOurs + "); "
                        + "give it to the user Parley runs as, mode 0700");
                warned = true;
                return;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY_FILE)) {
                        try {
                            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
                        } catch (IOException gone) { // a temporary file the database deleted meanwhile
                        }
                    }
                }
            }
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            secure(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make " + folder + " private to this user", e);
        }
    }

    /** The folder of an embedded H2 database's files, or null for any other URL (in memory, a server). */
    public static Path ofH2(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:h2:")) return null;
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        int semicolon = rest.indexOf(';');
        if (semicolon >= 0) rest = rest.substring(0, semicolon);
        if (rest.startsWith("file:")) rest = rest.substring("file:".length());
        else if (rest.matches("^[a-zA-Z]{2,}:.*")) return null; // mem:, tcp:, ssl:, zip:, ...
        if (rest.startsWith("~")) rest = System.getProperty("user.home") + rest.substring(1);
        Path parent = Path.of(rest).toAbsolutePath().getParent();
        return parent;
    }
}
