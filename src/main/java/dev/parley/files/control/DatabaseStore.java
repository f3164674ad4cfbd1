package dev.parley.files.control;

import dev.parley.database.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Files' bytes in the database, as numbered chunks of {@link #CHUNK} bytes in {@code file_chunks}: the
 * default store, on the embedded H2 and PostgreSQL alike, so that every node reads every file with
 * nothing else to run. Writes and deletes use the container's data source, so inside a JTA transaction
 * they are part of the caller's, committed or rolled back with its rows. Reads take a connection per
 * chunk: a slow download holds one chunk in memory and no connection between chunks.
 *
 * <p>Typed to itself only, so that the one {@link FileStore} bean is the one {@link FileStores} picks.
 */
@ApplicationScoped
@Typed(DatabaseStore.class)
public class DatabaseStore implements FileStore {
    /** 256 KB: a 25 MB file is 100 rows; one chunk is what a write or a read holds in memory. */
    static final int CHUNK = 256 * 1024;
    /** Keys deleted per statement. */
    private static final int DELETE_BATCH = 100;

    @Inject
    Database database;

    @Override
    public long write(String key, InputStream bytes) throws IOException {
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO file_chunks (store_key, seq, bytes) VALUES (?, ?, ?)")) {
            for (int seq = 0; ; seq++) {
                int n = bytes.readNBytes(chunk, 0, CHUNK);
                if (n == 0 && seq > 0) break;
                insert.setString(1, key);
                insert.setInt(2, seq);
                insert.setBytes(3, n == CHUNK ? chunk : java.util.Arrays.copyOf(chunk, n));
                insert.executeUpdate();
                total += n;
                if (n < CHUNK) break;
            }
            return total;
        } catch (SQLException e) {
            throw new IOException("Storing a file's bytes failed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    @Override
    public InputStream read(String key, long offset, long length) {
        return new Chunks(key, offset, length);
    }

    @Override
    public void delete(Collection<String> keys) throws IOException {
        List<String> all = new ArrayList<>(keys);
        try (Connection c = database.dataSource().getConnection()) {
            for (int from = 0; from < all.size(); from += DELETE_BATCH) {
                List<String> batch = all.subList(from, Math.min(all.size(), from + DELETE_BATCH));
                String marks = String.join(",", java.util.Collections.nCopies(batch.size(), "?"));
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM file_chunks WHERE store_key IN (" + marks + ")")) {
                    for (int i = 0; i < batch.size(); i++) delete.setString(i + 1, batch.get(i));
                    delete.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IOException("Deleting files' bytes failed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** The bytes from {@code offset}, {@code length} of them, read a chunk at a time as they are consumed. */
    private final class Chunks extends InputStream {
        private final String key;
        private long position;
        private long left;
        private byte[] chunk;
        private int at;

        Chunks(String key, long offset, long length) {
            this.key = key;
            this.position = offset;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int off, int len) throws IOException {
            if (len == 0) return 0;
            if (left <= 0) return -1;
            if (chunk == null || at >= chunk.length) {
                chunk = fetch((int) (position / CHUNK));
                at = (int) (position % CHUNK);
                if (at >= chunk.length) throw new IOException("A stored file is shorter than its size says");
            }
            int n = (int) Math.min(Math.min(len, chunk.length - at), left);
            System.arraycopy(chunk, at, into, off, n);
            at += n;
            position += n;
            left -= n;
            return n;
        }

        private byte[] fetch(int seq) throws IOException {
            try (Connection c = database.dataSource().getConnection();
                 PreparedStatement s = c.prepareStatement("SELECT bytes FROM file_chunks WHERE store_key = ? AND seq = ?")) {
                s.setString(1, key);
                s.setInt(2, seq);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) throw new IOException("A stored file's chunk is missing");
                    return r.getBytes(1);
                }
            } catch (SQLException e) {
                throw new IOException("Reading a file's bytes failed (SQLState " + e.getSQLState() + ")", e);
            }
        }
    }
}
