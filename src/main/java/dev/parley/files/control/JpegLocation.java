package dev.parley.files.control;

import dev.parley.errors.InvalidPayload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.bytesource.ByteSource;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegRewriter;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;

/**
 * A JPEG without its metadata, the compressed image untouched (no re-encoding, no quality lost), through
 * Commons Imaging's segment rewriter. Its ready-made removals (ExifRewriter, JpegXmpRewriter,
 * JpegIptcRewriter) each miss a place location hides in: extended XMP segments, comments, and pictures
 * appended after the image (Multi-Picture Format, phone makers' trailers), so this drops by kind instead:
 * every APP1 (EXIF, XMP, extended XMP), APP13 (IPTC), the MPF APP2 and comments, then everything after
 * the image's end. JFIF, ICC profiles and Adobe's colour segment stay. The EXIF orientation is written
 * back on its own.
 */
final class JpegLocation extends JpegRewriter {
    private static final int APP1 = 0xFFE1;
    private static final int APP2 = 0xFFE2;
    private static final int APP13 = 0xFFED;
    private static final int COMMENT = 0xFFFE;

    /** The EXIF orientation, read from the segments before the image data only; upright when unreadable. */
    static int orientationOf(Path file) throws IOException {
        try {
            if (!(Imaging.getMetadata(file.toFile()) instanceof JpegImageMetadata metadata) || metadata.getExif() == null) return Orientation.UPRIGHT;
            TiffField orientation = metadata.getExif().findField(TiffTagConstants.TIFF_TAG_ORIENTATION);
            int value = orientation == null ? Orientation.UPRIGHT : orientation.getIntValue();
            return value >= 1 && value <= 8 ? value : Orientation.UPRIGHT;
        } catch (IOException | RuntimeException e) {
            // Broken metadata only costs the rotation; whether the picture itself is readable is the decoder's to say.
            return Orientation.UPRIGHT;
        }
    }

    static void remove(Path file, Path target) throws IOException {
        JpegLocation rewriter = new JpegLocation();
        List<JFIFPiece> pieces = rewriter.segments(file);
        int orientation = Orientation.UPRIGHT;
        List<JFIFPiece> kept = new ArrayList<>(pieces.size());
        for (JFIFPiece piece : pieces) {
            if (piece instanceof JFIFPieceSegment segment) {
                if (segment.isExifSegment() && orientation == Orientation.UPRIGHT) orientation = Orientation.of(segment.getSegmentData());
                if (mayHoldLocation(segment)) continue;
            }
            kept.add(piece);
        }
        if (orientation != Orientation.UPRIGHT) kept.add(firstAfterJfif(kept), new JFIFPieceSegment(APP1, Orientation.onlyForJpeg(orientation)));
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, Files.size(file)));
        rewriter.writeSegments(out, kept);
        byte[] bytes = out.toByteArray();
        try (OutputStream written = Files.newOutputStream(target)) {
            written.write(bytes, 0, endOfImage(bytes));
        }
    }

    private List<JFIFPiece> segments(Path file) throws IOException {
        try {
            return analyzeJfif(ByteSource.path(file)).pieces;
        } catch (IOException | RuntimeException e) {
            // The file is a local copy just written: what fails here is its content.
            throw new InvalidPayload("Not a readable picture");
        }
    }

    private static boolean mayHoldLocation(JFIFPieceSegment segment) {
        return segment.marker == APP1 || segment.marker == APP13 || segment.marker == COMMENT
                || segment.marker == APP2 && startsWith(segment.getSegmentData(), "MPF\0");
    }

    private static int firstAfterJfif(List<JFIFPiece> pieces) {
        return !pieces.isEmpty() && pieces.get(0) instanceof JFIFPieceSegment first && first.marker == 0xFFE0 ? 1 : 0;
    }

    /**
     * Where the first image ends (after its EOI marker), found by walking the markers: inside compressed
     * data a 0xFF byte is followed by 0x00 or a restart marker, so the first other marker ends the scan.
     */
    static int endOfImage(byte[] jpeg) {
        int at = 2;
        while (at + 1 < jpeg.length) {
            if ((jpeg[at] & 0xFF) != 0xFF) throw new InvalidPayload("Not a readable picture");
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                at++;
                continue;
            }
            if (marker == 0xD9) return at + 2;
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                at += 2;
                continue;
            }
            if (at + 3 >= jpeg.length) break;
            at += 2 + ((jpeg[at + 2] & 0xFF) << 8 | jpeg[at + 3] & 0xFF);
            if (marker == 0xDA) at = nextMarkerInScan(jpeg, at);
        }
        // No EOI: a truncated file that decoders still show; keep all of it.
        return jpeg.length;
    }

    private static int nextMarkerInScan(byte[] jpeg, int at) {
        for (; at + 1 < jpeg.length; at++) {
            if ((jpeg[at] & 0xFF) != 0xFF) continue;
            int next = jpeg[at + 1] & 0xFF;
            if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) return at;
        }
        return jpeg.length;
    }

    private static boolean startsWith(byte[] data, String prefix) {
        if (data.length < prefix.length()) return false;
        for (int i = 0; i < prefix.length(); i++) {
            if (data[i] != (byte) prefix.charAt(i)) return false;
        }
        return true;
    }
}
