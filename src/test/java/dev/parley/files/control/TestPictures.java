package dev.parley.files.control;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffImageWriterLossy;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Real pictures made in the tests: drawn with Java2D, written by ImageIO, metadata added with Commons Imaging. */
final class TestPictures {
    static final String XMP_WITH_LOCATION = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
            + "<rdf:Description xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"48,51.4N\" exif:GPSLongitude=\"2,21.1E\"/>"
            + "</rdf:RDF></x:xmpmeta>";

    private TestPictures() {
    }

    /** Left half red, right half blue, so that a turn or a mirror shows. */
    static BufferedImage halves(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) throw new IllegalStateException("no writer for " + format);
        return out.toByteArray();
    }

    /** EXIF with GPS (Paris) and the orientation, as a TIFF structure. */
    static TiffOutputSet exifWithLocation(int orientation) throws IOException {
        TiffOutputSet set = new TiffOutputSet();
        set.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
        set.setGpsInDegrees(2.3522, 48.8566);
        return set;
    }

    static byte[] tiff(TiffOutputSet set) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TiffImageWriterLossy(set.byteOrder).write(out, set);
        return out.toByteArray();
    }

    /** A JPEG carrying EXIF GPS, the orientation and XMP with a location. */
    static byte[] jpegWithLocation(BufferedImage image, int orientation) throws IOException {
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(encode(image, "jpeg"), withExif, exifWithLocation(orientation));
        ByteArrayOutputStream withXmp = new ByteArrayOutputStream();
        new JpegXmpRewriter().updateXmpXml(withExif.toByteArray(), withXmp, XMP_WITH_LOCATION);
        return withXmp.toByteArray();
    }

    record Chunk(String type, byte[] data) {
    }

    static List<Chunk> pngChunks(byte[] png) {
        ByteBuffer in = ByteBuffer.wrap(png, 8, png.length - 8);
        List<Chunk> chunks = new ArrayList<>();
        while (in.remaining() >= 12) {
            byte[] data = new byte[in.getInt()];
            byte[] type = new byte[4];
            in.get(type).get(data).getInt();
            chunks.add(new Chunk(new String(type, StandardCharsets.ISO_8859_1), data));
        }
        return chunks;
    }

    static byte[] png(List<Chunk> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        for (Chunk chunk : chunks) {
            byte[] type = chunk.type.getBytes(StandardCharsets.ISO_8859_1);
            CRC32 crc = new CRC32();
            crc.update(type);
            crc.update(chunk.data);
            out.writeBytes(ByteBuffer.allocate(4).putInt(chunk.data.length).array());
            out.writeBytes(type);
            out.writeBytes(chunk.data);
            out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        }
        return out.toByteArray();
    }

    /** A PNG carrying eXIf with GPS and the orientation, XMP in iTXt and a comment in tEXt. */
    static byte[] pngWithLocation(BufferedImage image, int orientation) throws IOException {
        List<Chunk> chunks = new ArrayList<>(pngChunks(encode(image, "png")));
        chunks.add(1, new Chunk("eXIf", tiff(exifWithLocation(orientation))));
        chunks.add(2, new Chunk("iTXt", ("XML:com.adobe.xmp\0\0\0\0\0" + XMP_WITH_LOCATION).getBytes(StandardCharsets.UTF_8)));
        chunks.add(3, new Chunk("tEXt", "Comment\0taken at home".getBytes(StandardCharsets.ISO_8859_1)));
        return png(chunks);
    }

    static boolean contains(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
