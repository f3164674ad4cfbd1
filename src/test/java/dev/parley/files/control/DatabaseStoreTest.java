package dev.parley.files.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.database.Database;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The database store on H2 (the embedded default), its table made by the migration's own statement. */
class DatabaseStoreTest {
    final DatabaseStore store = new DatabaseStore();

    @BeforeEach
    void database() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:chunks" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;MODE=LEGACY");
        String migration = Files.readString(Path.of("src/main/resources/db/migration/V19__files.sql"));
        String table = migration.substring(migration.indexOf("CREATE TABLE file_chunks"));
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute(table.substring(0, table.indexOf(");") + 2));
        }
        store.database = new Database() {
            @Override
            public DataSource dataSource() {
                return h2;
            }
        };
    }

    static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    @Test
    void bytesComeBackWholeAndInRanges() throws IOException {
        byte[] bytes = random(700_001);
        assertEquals(bytes.length, store.write("a", new ByteArrayInputStream(bytes)));
        assertArrayEquals(bytes, read("a", 0, bytes.length));
        int chunk = DatabaseStore.CHUNK;
        assertArrayEquals(Arrays.copyOfRange(bytes, chunk - 5, chunk + 5), read("a", chunk - 5, 10), "across a chunk boundary");
        assertArrayEquals(Arrays.copyOfRange(bytes, 2 * chunk, 2 * chunk + 1), read("a", 2 * chunk, 1), "the first byte of a chunk");
        assertArrayEquals(Arrays.copyOfRange(bytes, 700_000, 700_001), read("a", 700_000, 1), "the last byte");
        assertArrayEquals(Arrays.copyOfRange(bytes, 10, 600_000), read("a", 10, 599_990), "most of it");
    }

    @Test
    void aFileOfWholeChunksAndATinyOne() throws IOException {
        byte[] whole = random(2 * DatabaseStore.CHUNK);
        assertEquals(whole.length, store.write("whole", new ByteArrayInputStream(whole)));
        assertArrayEquals(whole, read("whole", 0, whole.length));
        assertEquals(1, store.write("tiny", new ByteArrayInputStream(new byte[] {42})));
        assertArrayEquals(new byte[] {42}, read("tiny", 0, 1));
    }

    @Test
    void deletedBytesAreGoneAndOthersStay() throws IOException, SQLException {
        store.write("gone", new ByteArrayInputStream(random(300_000)));
        store.write("kept", new ByteArrayInputStream(random(10)));
        store.delete(List.of("gone", "never-stored"));
        assertThrows(IOException.class, () -> read("gone", 0, 300_000));
        assertArrayEquals(random(10), read("kept", 0, 10));
        try (Connection c = store.database.dataSource().getConnection(); Statement s = c.createStatement();
             var r = s.executeQuery("SELECT COUNT(*) FROM file_chunks")) {
            r.next();
            assertEquals(1, r.getInt(1));
        }
    }

    private byte[] read(String key, long offset, long length) throws IOException {
        try (InputStream in = store.read(key, offset, length)) {
            return in.readAllBytes();
        }
    }
}
