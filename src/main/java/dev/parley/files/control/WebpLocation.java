package dev.parley.files.control;

import dev.parley.errors.InvalidPayload;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A WebP without its metadata, its image data copied as it is. No Java library writes WebP (TwelveMonkeys
 * and Commons Imaging only read it), so this edits the RIFF container: it keeps the chunks that draw the
 * picture and drops EXIF, XMP and unknown chunks, fixing the VP8X flags and the RIFF size. The EXIF
 * orientation is written back on its own.
 */
final class WebpLocation {
    private static final Set<String> DRAWING = Set.of("VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP");
    private static final int XMP_FLAG = 0x04;
    private static final int EXIF_FLAG = 0x08;

    private record Chunk(String type, long offset, int size) {
        long padded() {
            return 8L + size + (size & 1);
        }
    }

    private WebpLocation() {
    }

    static int orientationOf(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file)) {
            for (Chunk chunk : chunks(in)) {
                if (chunk.type.equals("EXIF")) return Orientation.of(read(in, chunk.offset + 8, chunk.size).array());
            }
            return Orientation.UPRIGHT;
        }
    }

    static void remove(Path file, Path target) throws IOException {
        try (FileChannel in = FileChannel.open(file);
                FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            List<Chunk> chunks = chunks(in);
            int orientation = Orientation.UPRIGHT;
            for (Chunk chunk : chunks) {
                if (chunk.type.equals("EXIF")) orientation = Orientation.of(read(in, chunk.offset + 8, chunk.size).array());
            }
            boolean extended = !chunks.isEmpty() && chunks.get(0).type.equals("VP8X");
            // Only the extended format may carry EXIF.
            byte[] exif = extended && orientation != Orientation.UPRIGHT ? Orientation.only(orientation) : null;
            long body = 4;
            for (Chunk chunk : chunks) {
                if (DRAWING.contains(chunk.type)) body += chunk.padded();
            }
            if (exif != null) body += 8L + exif.length + (exif.length & 1);
            if (body > 0xFFFFFFFFL - 8) throw notAPicture();
            out.write(header("RIFF", (int) body));
            out.write(ByteBuffer.wrap("WEBP".getBytes(StandardCharsets.ISO_8859_1)));
            for (Chunk chunk : chunks) {
                if (!DRAWING.contains(chunk.type)) continue;
                if (chunk.type.equals("VP8X")) {
                    ByteBuffer vp8x = read(in, chunk.offset, (int) chunk.padded());
                    int flags = vp8x.get(8) & ~XMP_FLAG & ~EXIF_FLAG;
                    vp8x.put(8, (byte) (exif != null ? flags | EXIF_FLAG : flags));
                    out.write(vp8x);
                } else {
                    // The last chunk's padding byte may be missing from the file; it is written anyway.
                    long length = Math.min(chunk.padded(), in.size() - chunk.offset);
                    for (long copied = 0; copied < length; ) copied += in.transferTo(chunk.offset + copied, length - copied, out);
                    if (length < chunk.padded()) out.write(ByteBuffer.wrap(new byte[1]));
                }
            }
            if (exif != null) {
                out.write(header("EXIF", exif.length));
                out.write(ByteBuffer.wrap(exif));
                if ((exif.length & 1) == 1) out.write(ByteBuffer.wrap(new byte[1]));
            }
        }
    }

    private static List<Chunk> chunks(FileChannel in) throws IOException {
        ByteBuffer riff = read(in, 0, 12);
        if (!type(riff, 0).equals("RIFF") || !type(riff, 8).equals("WEBP")) throw notAPicture();
        long end = Math.min(in.size(), 8 + Integer.toUnsignedLong(riff.getInt(4)));
        List<Chunk> chunks = new ArrayList<>();
        for (long at = 12; at + 8 <= end; ) {
            ByteBuffer header = read(in, at, 8);
            Chunk chunk = new Chunk(type(header, 0), at, header.getInt(4));
            if (chunk.size < 0 || at + chunk.padded() > end + (chunk.size & 1)) throw notAPicture();
            chunks.add(chunk);
            at += chunk.padded();
        }
        if (chunks.isEmpty()) throw notAPicture();
        return chunks;
    }

    private static ByteBuffer read(FileChannel in, long offset, int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (bytes.hasRemaining()) {
            if (in.read(bytes, offset + bytes.position()) < 0) throw notAPicture();
        }
        return bytes.flip();
    }

    private static ByteBuffer header(String type, int size) {
        ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        header.put(type.getBytes(StandardCharsets.ISO_8859_1)).putInt(size);
        return header.flip();
    }

    private static String type(ByteBuffer bytes, int at) {
        byte[] type = new byte[4];
        bytes.get(at, type);
        return new String(type, StandardCharsets.ISO_8859_1);
    }

    private static InvalidPayload notAPicture() {
        return new InvalidPayload("Not a readable picture");
    }
}
