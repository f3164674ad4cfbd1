package dev.parley.files.control;

import dev.parley.errors.InvalidPayload;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * A GIF without its metadata, every frame copied as it is. GIF has no EXIF; XMP hides in an application
 * extension and text in comments. Writing GIFs back through ImageIO would keep only what its metadata
 * tree models, and Commons Imaging re-encodes, so this walks the blocks: it keeps the header, colour
 * tables, frames, graphic controls and the looping (NETSCAPE2.0, ANIMEXTS1.0) and colour profile
 * application extensions, and drops comments and every other application extension.
 */
final class GifLocation {
    private static final Set<String> DRAWING_APPLICATIONS = Set.of("NETSCAPE2.0", "ANIMEXTS1.0", "ICCRGBG1012");
    private static final int EXTENSION = 0x21;
    private static final int IMAGE = 0x2C;
    private static final int TRAILER = 0x3B;
    private static final int APPLICATION = 0xFF;
    private static final int COMMENT = 0xFE;

    private GifLocation() {
    }

    static void remove(Path file, Path target) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)));
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(target)))) {
            byte[] header = in.readNBytes(13);
            String signature = new String(header, 0, Math.min(6, header.length), StandardCharsets.ISO_8859_1);
            if (header.length < 13 || !signature.equals("GIF87a") && !signature.equals("GIF89a")) throw notAPicture();
            out.write(header);
            copyColourTable(in, out, header[10]);
            while (true) {
                int block = in.readUnsignedByte();
                if (block == TRAILER) {
                    out.write(TRAILER);
                    return;
                } else if (block == IMAGE) {
                    byte[] descriptor = new byte[9];
                    in.readFully(descriptor);
                    out.write(IMAGE);
                    out.write(descriptor);
                    copyColourTable(in, out, descriptor[8]);
                    out.write(in.readUnsignedByte()); // LZW minimum code size
                    subBlocks(in, out);
                } else if (block == EXTENSION) {
                    int label = in.readUnsignedByte();
                    if (label == COMMENT) {
                        subBlocks(in, null);
                    } else if (label == APPLICATION) {
                        byte[] identifier = in.readNBytes(in.readUnsignedByte());
                        boolean keep = DRAWING_APPLICATIONS.contains(new String(identifier, StandardCharsets.ISO_8859_1));
                        if (keep) {
                            out.write(new byte[] {EXTENSION, (byte) APPLICATION, (byte) identifier.length});
                            out.write(identifier);
                        }
                        subBlocks(in, keep ? out : null);
                    } else {
                        out.write(new byte[] {EXTENSION, (byte) label});
                        subBlocks(in, out);
                    }
                } else {
                    throw notAPicture();
                }
            }
        } catch (EOFException e) {
            throw notAPicture();
        }
    }

    private static void copyColourTable(DataInputStream in, DataOutputStream out, byte packed) throws IOException {
        if ((packed & 0x80) == 0) return;
        PngLocation.copy(in, out, 3L << ((packed & 0x07) + 1));
    }

    /** Copies (or skips, when out is null) data sub-blocks up to and including the terminating empty one. */
    private static void subBlocks(DataInputStream in, DataOutputStream out) throws IOException {
        while (true) {
            int size = in.readUnsignedByte();
            if (out != null) out.write(size);
            if (size == 0) return;
            if (out != null) PngLocation.copy(in, out, size);
            else in.skipNBytes(size);
        }
    }

    private static InvalidPayload notAPicture() {
        return new InvalidPayload("Not a readable picture");
    }
}
