package dev.parley.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.FileTransfers;
import dev.parley.support.FileTransfers.Answer;
import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;

/**
 * Pictures through the upload flow on the shared test servers (Payara and WildFly): detected from their
 * bytes, stored without their location, sized and given a thumbnail; a huge one refused from its header.
 * The formats and their edge cases are unit-tested in dev.parley.files.control.
 */
class PicturesIT {
    private final Api api = Api.server();
    private final FileTransfers files = FileTransfers.server();

    @Test
    void aPhotoIsStoredWithoutItsLocationSizedAsShownAndGivenAThumbnail() throws Exception {
        Login owner = api.guest("photo");
        byte[] photo = photoTakenInParis(1200, 600);
        JsonObject file = files.upload(owner.token(), "holiday.bin", photo).file();
        assertEquals("image/jpeg", file.getString("contentType"));
        assertEquals(600, file.getJsonObject("image").getInt("width"), "turned as its EXIF orientation says");
        assertEquals(1200, file.getJsonObject("image").getInt("height"));

        Answer stored = files.get("/api/files/" + file.getJsonNumber("id"), owner.token());
        assertEquals(200, stored.status());
        assertEquals(file.getJsonNumber("size").longValue(), stored.body().length);
        assertTrue(stored.body().length < photo.length);
        JpegImageMetadata metadata = (JpegImageMetadata) Imaging.getMetadata(stored.body());
        assertNull(metadata.getExif().getGpsInfo(), "no GPS");
        assertEquals(6, metadata.getExif().findField(TiffTagConstants.TIFF_TAG_ORIENTATION).getIntValue(), "the orientation is kept");
        assertNull(Imaging.getXmpXml(stored.body()), "no XMP");
        assertFalse(new String(stored.body(), StandardCharsets.ISO_8859_1).contains("GPSLatitude"));

        Answer thumbnail = files.get(file.getString("thumbnailUrl"), null);
        assertEquals(200, thumbnail.status());
        assertTrue(thumbnail.header("Content-Type").startsWith("image/jpeg"), thumbnail.header("Content-Type"));
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
        assertEquals(200, small.getWidth());
        assertEquals(400, small.getHeight());
    }

    @Test
    void aPictureClaimingMoreThan50MegapixelsIsRefused() {
        Login owner = api.guest("huge");
        Answer refused = files.upload(owner.token(), "huge.png", pngHeader(10_000, 10_000));
        assertEquals(400, refused.status());
        assertEquals("invalid_payload", refused.errorCode());
    }

    @Test
    void aTransparentPictureGetsAPngThumbnail() throws Exception {
        Login owner = api.guest("logo");
        BufferedImage logo = new BufferedImage(800, 800, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = logo.createGraphics();
        g.setColor(Color.GREEN);
        g.fillOval(100, 100, 600, 600);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(logo, "png", png);
        JsonObject file = files.upload(owner.token(), "logo.png", png.toByteArray()).file();
        assertEquals("image/png", file.getString("contentType"));
        Answer thumbnail = files.get(file.getString("thumbnailUrl"), null);
        assertTrue(thumbnail.header("Content-Type").startsWith("image/png"), thumbnail.header("Content-Type"));
        assertEquals(400, ImageIO.read(new ByteArrayInputStream(thumbnail.body())).getWidth());
    }

    /** A JPEG with EXIF GPS, orientation 6 (turned a quarter clockwise) and XMP naming a location. */
    private static byte[] photoTakenInParis(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width / 2, height);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", jpeg);
        TiffOutputSet exif = new TiffOutputSet();
        exif.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 6);
        exif.setGpsInDegrees(2.3522, 48.8566);
        ByteArrayOutputStream withExif = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(jpeg.toByteArray(), withExif, exif);
        ByteArrayOutputStream withXmp = new ByteArrayOutputStream();
        new JpegXmpRewriter().updateXmpXml(withExif.toByteArray(), withXmp,
                "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                        + "<rdf:Description xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"48,51.4N\"/></rdf:RDF></x:xmpmeta>");
        return withXmp.toByteArray();
    }

    /** A PNG signature and an IHDR chunk claiming the size, with no pixels behind it. */
    private static byte[] pngHeader(int width, int height) {
        byte[] ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width).putInt(height).put(new byte[] {8, 6, 0, 0, 0}).array();
        CRC32 crc = new CRC32();
        crc.update(ihdr);
        return ByteBuffer.allocate(8 + 4 + 17 + 4).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})
                .putInt(13).put(ihdr).putInt((int) crc.getValue()).array();
    }
}
