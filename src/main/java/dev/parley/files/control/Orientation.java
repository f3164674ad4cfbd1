package dev.parley.files.control;

import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.bytesource.ByteSource;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffImageParser;
import org.apache.commons.imaging.formats.tiff.TiffImagingParameters;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffImageWriterLossy;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/**
 * A picture's EXIF orientation (1 to 8; 1 is upright). Location removal drops EXIF whole and writes back
 * only this tag, so that browsers keep showing the picture the right way up; thumbnails carry no EXIF, so
 * it is applied to their pixels.
 */
final class Orientation {
    static final int UPRIGHT = 1;
    private static final byte[] EXIF_PREFIX = {'E', 'x', 'i', 'f', 0, 0};

    private Orientation() {
    }

    /** The orientation in EXIF bytes (a TIFF structure, with or without JPEG's "Exif\0\0" in front); upright when absent or unreadable. */
    static int of(byte[] exif) {
        if (exif == null) return UPRIGHT;
        byte[] tiff = startsWithExifPrefix(exif) ? Arrays.copyOfRange(exif, EXIF_PREFIX.length, exif.length) : exif;
        try {
            TiffImageMetadata metadata = (TiffImageMetadata) new TiffImageParser().getMetadata(ByteSource.array(tiff), new TiffImagingParameters());
            TiffField field = metadata == null ? null : metadata.findField(TiffTagConstants.TIFF_TAG_ORIENTATION);
            int orientation = field == null ? UPRIGHT : field.getIntValue();
            return orientation >= 1 && orientation <= 8 ? orientation : UPRIGHT;
        } catch (IOException | RuntimeException e) {
            // Broken EXIF is common (phone apps, editors); it only costs the rotation.
            return UPRIGHT;
        }
    }

    /** EXIF holding nothing but the orientation: a TIFF structure, without JPEG's prefix. */
    static byte[] only(int orientation) throws IOException {
        TiffOutputSet set = new TiffOutputSet(ByteOrder.BIG_ENDIAN);
        try {
            set.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new TiffImageWriterLossy(ByteOrder.BIG_ENDIAN).write(out, set);
            return out.toByteArray();
        } catch (ImagingException e) {
            throw new IOException("Cannot write the orientation", e);
        }
    }

    /** The same, as the body of a JPEG APP1 segment. */
    static byte[] onlyForJpeg(int orientation) throws IOException {
        byte[] tiff = only(orientation);
        byte[] segment = Arrays.copyOf(EXIF_PREFIX, EXIF_PREFIX.length + tiff.length);
        System.arraycopy(tiff, 0, segment, EXIF_PREFIX.length, tiff.length);
        return segment;
    }

    static boolean swapsSides(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /** The pixels turned (and mirrored) as EXIF asks. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        double w = image.getWidth();
        double h = image.getHeight();
        // new AffineTransform(m00, m10, m01, m11, m02, m12): x' = m00 x + m01 y + m02, y' = m10 x + m11 y + m12
        AffineTransform turn = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> null;
        };
        if (turn == null) return image;
        boolean swap = swapsSides(orientation);
        BufferedImage turned = new BufferedImage(swap ? image.getHeight() : image.getWidth(), swap ? image.getWidth() : image.getHeight(), image.getType());
        return new AffineTransformOp(turn, AffineTransformOp.TYPE_NEAREST_NEIGHBOR).filter(image, turned);
    }

    private static boolean startsWithExifPrefix(byte[] bytes) {
        return bytes.length >= EXIF_PREFIX.length && Arrays.equals(bytes, 0, EXIF_PREFIX.length, EXIF_PREFIX, 0, EXIF_PREFIX.length);
    }
}
