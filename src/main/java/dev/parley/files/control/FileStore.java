package dev.parley.files.control;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;

/**
 * Where files' bytes live: the database (the default, on the embedded database or PostgreSQL: every node
 * reads every file with nothing else to run) or an S3-compatible object store ({@code PARLEY_FILE_STORE=s3}).
 * Bytes are streamed both ways: no implementation holds a whole file in memory.
 *
 * <p>Keys are made by the caller, unique, and never reused. A database store writes and deletes in the
 * caller's transaction; an object store cannot, so a key whose row is gone is deleted after commit, and
 * a key written for an upload that failed is deleted by the caller.
 */
public interface FileStore {
    /** Stores what {@code bytes} yields under {@code key}, to its end; returns the number of bytes stored. */
    long write(String key, InputStream bytes) throws IOException;

    /** The stored bytes from {@code offset}, {@code length} of them (the caller knows the size); closed by the caller. */
    InputStream read(String key, long offset, long length) throws IOException;

    /** Deletes what is stored under the keys; keys with nothing stored are ignored. */
    void delete(Collection<String> keys) throws IOException;
}
