package dev.parley.files.control;

import static dev.parley.files.control.TestPictures.contains;
import static dev.parley.files.control.TestPictures.halves;
import static dev.parley.files.control.TestPictures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.errors.InvalidPayload;
import dev.parley.files.control.TestPictures.Chunk;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocationRemovalTest {
    @TempDir
    Path dir;

    final Pictures pictures = new Pictures();

    @Test
    void aJpegLosesGpsAndXmpAndKeepsItsOrientationAndItsPixels() throws Exception {
        byte[] original = TestPictures.jpegWithLocation(halves(120, 80, BufferedImage.TYPE_INT_RGB), 6);
        JpegImageMetadata before = (JpegImageMetadata) Imaging.getMetadata(original);
        assertNotNull(before.getExif().getGpsInfo(), "the test picture has GPS");
        assertNotNull(Imaging.getXmpXml(original), "the test picture has XMP");

        Path target = dir.resolve("out.jpg");
        pictures.withoutLocation(write(dir, "in.jpg", original), "image/jpeg", target);
        byte[] stored = Files.readAllBytes(target);

        JpegImageMetadata after = (JpegImageMetadata) Imaging.getMetadata(stored);
        TiffImageMetadata exif = after.getExif();
        assertNull(exif.getGpsInfo());
        assertNull(exif.findField(org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants.EXIF_TAG_GPSINFO));
        assertEquals(6, exif.findField(TiffTagConstants.TIFF_TAG_ORIENTATION).getIntValue());
        assertNull(Imaging.getXmpXml(stored));
        assertFalse(contains(stored, "GPSLatitude"));
        assertSamePixels(ImageIO.read(new java.io.ByteArrayInputStream(original)), ImageIO.read(target.toFile()));
        assertTrue(stored.length < original.length);
    }

    @Test
    void aJpegKeepsNothingAfterItsImage() throws Exception {
        byte[] jpeg = TestPictures.encode(halves(40, 30, BufferedImage.TYPE_INT_RGB), "jpeg");
        byte[] trailed = java.util.Arrays.copyOf(jpeg, jpeg.length + 20);
        System.arraycopy("GPS 48.85 N 2.35 E!!".getBytes(), 0, trailed, jpeg.length, 20);
        Path target = dir.resolve("out.jpg");
        pictures.withoutLocation(write(dir, "in.jpg", trailed), "image/jpeg", target);
        assertArrayEquals(jpeg, Files.readAllBytes(target));
    }

    @Test
    void aPngLosesExifXmpAndTextAndKeepsItsOrientationAndItsPixels() throws Exception {
        BufferedImage image = halves(50, 20, BufferedImage.TYPE_INT_ARGB);
        byte[] original = TestPictures.pngWithLocation(image, 8);
        Path target = dir.resolve("out.png");
        pictures.withoutLocation(write(dir, "in.png", original), "image/png", target);
        byte[] stored = Files.readAllBytes(target);

        List<String> types = TestPictures.pngChunks(stored).stream().map(Chunk::type).toList();
        assertEquals(List.of("IHDR", "eXIf", "IDAT", "IEND"), types);
        byte[] exif = TestPictures.pngChunks(stored).get(1).data();
        assertEquals(8, Orientation.of(exif));
        assertFalse(contains(stored, "GPS"), "no GPS directory");
        assertFalse(contains(stored, "xmp") || contains(stored, "home"));
        assertSamePixels(image, ImageIO.read(target.toFile()));
    }

    @Test
    void aPngWithoutOrientationGetsNoExif() throws Exception {
        byte[] original = TestPictures.pngWithLocation(halves(10, 10, BufferedImage.TYPE_INT_RGB), 1);
        Path target = dir.resolve("out.png");
        pictures.withoutLocation(write(dir, "in.png", original), "image/png", target);
        assertEquals(List.of("IHDR", "IDAT", "IEND"), TestPictures.pngChunks(Files.readAllBytes(target)).stream().map(Chunk::type).toList());
    }

    @Test
    void aWebpLosesExifGpsAndXmpAndStaysReadable() throws Exception {
        Path original = resource("located.webp");
        assertTrue(contains(Files.readAllBytes(original), "GPSLatitude"), "the sample has XMP with a location");
        Path target = dir.resolve("out.webp");
        pictures.withoutLocation(original, "image/webp", target);
        byte[] stored = Files.readAllBytes(target);

        assertFalse(contains(stored, "XMP "));
        assertFalse(contains(stored, "GPSLatitude"));
        assertEquals(stored.length - 8, java.nio.ByteBuffer.wrap(stored, 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt());
        assertEquals(0x08, stored[20] & 0x0C, "VP8X says EXIF (the orientation), no XMP");
        assertEquals(6, WebpLocation.orientationOf(target));
        byte[] exif = java.util.Arrays.copyOfRange(stored, indexOf(stored, "EXIF") + 8, stored.length);
        assertFalse(contains(exif, "N\0"), "no GPS latitude reference");
        assertEquals(Orientation.only(6).length, exif.length - (exif.length & 1));
        assertSamePixels(decode(original, "image/webp"), decode(target, "image/webp"));
    }

    @Test
    void anAnimatedGifLosesCommentsAndXmpAndKeepsItsFramesAndLooping() throws Exception {
        Path original = write(dir, "in.gif", GifPictures.animated(true));
        assertTrue(contains(Files.readAllBytes(original), "XMP DataXMP"));
        Path target = dir.resolve("out.gif");
        pictures.withoutLocation(original, "image/gif", target);
        byte[] stored = Files.readAllBytes(target);

        assertFalse(contains(stored, "XMP DataXMP"));
        assertFalse(contains(stored, "GPSLatitude"));
        assertFalse(contains(stored, "taken at home"));
        assertTrue(contains(stored, "NETSCAPE2.0"));
        assertArrayEquals(GifPictures.animated(false), stored, "the same bytes as the picture written without metadata");
    }

    @Test
    void bytesThatAreNotThePictureTheySayAreRefused() throws IOException {
        Path junk = write(dir, "junk", "not a picture at all".getBytes());
        for (String type : List.of("image/jpeg", "image/png", "image/webp", "image/gif")) {
            assertThrows(InvalidPayload.class, () -> pictures.withoutLocation(junk, type, dir.resolve("out")), type);
        }
    }

    static Path resource(String name) throws Exception {
        return Path.of(LocationRemovalTest.class.getResource("/pictures/" + name).toURI());
    }

    static BufferedImage decode(Path file, String contentType) throws IOException {
        try (PictureReaders.Opened picture = PictureReaders.open(file, contentType)) {
            return picture.reader.read(0);
        }
    }

    static void assertSamePixels(BufferedImage expected, BufferedImage actual) {
        assertEquals(expected.getWidth(), actual.getWidth());
        assertEquals(expected.getHeight(), actual.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertEquals(expected.getRGB(x, y), actual.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    private static int indexOf(byte[] bytes, String text) {
        return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf(text);
    }
}
