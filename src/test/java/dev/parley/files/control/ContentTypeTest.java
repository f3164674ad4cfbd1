package dev.parley.files.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentTypeTest {
    @TempDir
    Path dir;

    final Pictures pictures = new Pictures();

    @Test
    void theBytesDecideNotTheName() throws IOException {
        Path png = dir.resolve("a");
        ImageIO.write(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        assertEquals("image/png", pictures.contentTypeOf(png, "report.pdf"));
        Path jpeg = dir.resolve("b");
        ImageIO.write(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB), "jpeg", jpeg.toFile());
        assertEquals("image/jpeg", pictures.contentTypeOf(jpeg, "notes.txt"));
        Path pdf = Files.write(dir.resolve("c"), "%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("application/pdf", pictures.contentTypeOf(pdf, "cat.png"));
    }

    @Test
    void theNameRefinesWhatTheBytesLeaveOpen() throws IOException {
        Path csv = Files.writeString(dir.resolve("d"), "a,b\n1,2\n");
        assertEquals("text/csv", pictures.contentTypeOf(csv, "table.csv"));
        assertEquals("text/plain", pictures.contentTypeOf(csv, null));
    }

    @Test
    void unknownBytesAreOctetStream() throws IOException {
        Path bytes = Files.write(dir.resolve("e"), new byte[] {0, 1, 2, 3, (byte) 0xff, (byte) 0xfe, 7, 0, 9});
        assertEquals("application/octet-stream", pictures.contentTypeOf(bytes, "x"));
    }

    @Test
    void fourFormatsArePictures() {
        assertTrue(Pictures.isPicture("image/png"));
        assertTrue(Pictures.isPicture("image/webp"));
        assertFalse(Pictures.isPicture("image/svg+xml"));
        assertFalse(Pictures.isPicture("image/tiff"));
        assertFalse(Pictures.isPicture(null));
    }
}
