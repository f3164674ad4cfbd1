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
import java.util.Arrays;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * A PNG (or APNG) without its metadata, its image data copied as it is. Commons Imaging reads PNG
 * metadata but can only re-encode a PNG to change it (losing APNG frames and the original compression),
 * and ImageIO likewise; a PNG is a list of chunks, so this keeps the chunks that draw the picture and
 * drops the rest: eXIf, the text chunks (XMP lives in iTXt, and tools put raw EXIF in zTXt), tIME and
 * any private chunk. The EXIF orientation is written back on its own, in a new eXIf.
 */
final class PngLocation {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final Set<String> DRAWING = Set.of(
            "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "cHRM", "gAMA", "iCCP", "sBIT", "sRGB", "cICP", "mDCV", "cLLI",
            "bKGD", "hIST", "pHYs", "sPLT", "acTL", "fcTL", "fdAT");

    private PngLocation() {
    }

    static int orientationOf(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            while (true) {
                int length = in.readInt();
                String type = type(in);
                if (length < 0) throw notAPicture();
                if (type.equals("eXIf")) return Orientation.of(in.readNBytes(length));
                if (type.equals("IEND")) return Orientation.UPRIGHT;
                in.skipNBytes(length + 4L);
            }
        } catch (EOFException e) {
            // A truncated file: its header was read (sizeOf); what follows is the decoder's to refuse.
            return Orientation.UPRIGHT;
        }
    }

    static void remove(Path file, Path target) throws IOException {
        int orientation = orientationOf(file);
        try (DataInputStream in = open(file);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(target)))) {
            out.write(SIGNATURE);
            while (true) {
                int length = in.readInt();
                String type = type(in);
                if (length < 0) throw notAPicture();
                if (!DRAWING.contains(type)) {
                    in.skipNBytes(length + 4L);
                    continue;
                }
                out.writeInt(length);
                out.writeBytes(type);
                copy(in, out, length + 4L);
                if (type.equals("IHDR") && orientation != Orientation.UPRIGHT) writeChunk(out, "eXIf", Orientation.only(orientation));
                if (type.equals("IEND")) return;
            }
        } catch (EOFException e) {
            throw notAPicture();
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)));
        if (!Arrays.equals(in.readNBytes(SIGNATURE.length), SIGNATURE)) {
            in.close();
            throw notAPicture();
        }
        return in;
    }

    private static String type(DataInputStream in) throws IOException {
        byte[] type = new byte[4];
        in.readFully(type);
        return new String(type, StandardCharsets.ISO_8859_1);
    }

    private static void writeChunk(DataOutputStream out, String type, byte[] data) throws IOException {
        CRC32 crc = new CRC32();
        byte[] name = type.getBytes(StandardCharsets.ISO_8859_1);
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }

    static void copy(DataInputStream in, DataOutputStream out, long count) throws IOException {
        byte[] buffer = new byte[8192];
        while (count > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, count));
            if (read < 0) throw new EOFException();
            out.write(buffer, 0, read);
            count -= read;
        }
    }

    private static InvalidPayload notAPicture() {
        return new InvalidPayload("Not a readable picture");
    }
}
