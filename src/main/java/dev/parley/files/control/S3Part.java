package dev.parley.files.control;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * One part of an upload, read off the stream before it is sent (S3 must be told each part's length
 * first), in 64 KB blocks kept for the next part: a small picture costs its own size, not 8 MB, and
 * no byte is copied twice on the way.
 */
final class S3Part {
    private static final int BLOCK = 64 * 1024;
    private final List<byte[]> blocks = new ArrayList<>();
    private int length;

    /** Reads up to a part's worth; returns how much (0 at the end of the stream). */
    int fill(InputStream in) throws IOException {
        length = 0;
        while (length < S3Store.PART_SIZE) {
            int block = length / BLOCK;
            if (block == blocks.size()) blocks.add(new byte[BLOCK]);
            int at = length % BLOCK;
            int n = in.read(blocks.get(block), at, BLOCK - at);
            if (n < 0) break;
            length += n;
        }
        return length;
    }

    boolean full() {
        return length == S3Store.PART_SIZE;
    }

    int length() {
        return length;
    }

    /** Replayable without a copy: the SDK may read it more than once (a retry). */
    RequestBody body() {
        List<byte[]> parts = List.copyOf(blocks);
        int n = length;
        return RequestBody.fromContentProvider(() -> new Blocks(parts, n), n, "application/octet-stream");
    }

    /** The first {@code length} bytes of the blocks, as a stream. */
    private static final class Blocks extends InputStream {
        private final List<byte[]> blocks;
        private final int length;
        private int position;

        Blocks(List<byte[]> blocks, int length) {
            this.blocks = blocks;
            this.length = length;
        }

        @Override
        public int read() {
            if (position >= length) return -1;
            int b = blocks.get(position / BLOCK)[position % BLOCK] & 0xff;
            position++;
            return b;
        }

        @Override
        public int read(byte[] into, int off, int len) {
            if (len == 0) return 0;
            if (position >= length) return -1;
            int at = position % BLOCK;
            int n = Math.min(len, Math.min(BLOCK - at, length - position));
            System.arraycopy(blocks.get(position / BLOCK), at, into, off, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return length - position;
        }
    }
}
