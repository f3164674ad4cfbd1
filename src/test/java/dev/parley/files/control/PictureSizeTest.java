package dev.parley.files.control;

import static dev.parley.files.control.TestPictures.halves;
import static dev.parley.files.control.TestPictures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.errors.InvalidPayload;
import dev.parley.files.control.TestPictures.Chunk;
import dev.parley.files.entity.PictureSize;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PictureSizeTest {
    @TempDir
    Path dir;

    final Pictures pictures = new Pictures();

    @Test
    void eachFormatsSizeComesFromItsHeader() throws Exception {
        assertEquals(new PictureSize(50, 20), pictures.sizeOf(write(dir, "a.png", TestPictures.encode(halves(50, 20, BufferedImage.TYPE_INT_ARGB), "png")), "image/png"));
        assertEquals(new PictureSize(70, 30), pictures.sizeOf(write(dir, "a.jpg", TestPictures.encode(halves(70, 30, BufferedImage.TYPE_INT_RGB), "jpeg")), "image/jpeg"));
        assertEquals(new PictureSize(60, 30), pictures.sizeOf(write(dir, "a.gif", GifPictures.animated(true)), "image/gif"));
        assertEquals(new PictureSize(64, 32), pictures.sizeOf(LocationRemovalTest.resource("animated.webp"), "image/webp"));
    }

    @Test
    void theSizeIsAsShownWithTheOrientationApplied() throws Exception {
        assertEquals(new PictureSize(80, 120), pictures.sizeOf(write(dir, "a.jpg", TestPictures.jpegWithLocation(halves(120, 80, BufferedImage.TYPE_INT_RGB), 6)), "image/jpeg"));
        assertEquals(new PictureSize(120, 80), pictures.sizeOf(write(dir, "b.jpg", TestPictures.jpegWithLocation(halves(120, 80, BufferedImage.TYPE_INT_RGB), 3)), "image/jpeg"));
        assertEquals(new PictureSize(20, 50), pictures.sizeOf(write(dir, "c.png", TestPictures.pngWithLocation(halves(50, 20, BufferedImage.TYPE_INT_RGB), 8)), "image/png"));
        assertEquals(new PictureSize(32, 64), pictures.sizeOf(LocationRemovalTest.resource("located.webp"), "image/webp"));
    }

    /** Headers with no pixel data behind them: only a header read can answer, and a decode would fail instead. */
    @Test
    void aHeaderClaimingOver50MegapixelsIsRefusedWithoutDecoding() throws IOException {
        InvalidPayload png = assertThrows(InvalidPayload.class, () -> pictures.sizeOf(write(dir, "huge.png", pngHeader(10_000, 10_000)), "image/png"));
        assertEquals("A picture may have at most 50,000,000 pixels", png.getMessage());
        assertThrows(InvalidPayload.class, () -> pictures.sizeOf(write(dir, "huge.jpg", jpegHeader(10_000, 10_000)), "image/jpeg"));
        assertThrows(InvalidPayload.class, () -> pictures.sizeOf(write(dir, "huge.gif", gifHeader(10_000, 10_000, 10, 10)), "image/gif"));
        assertThrows(InvalidPayload.class, () -> pictures.thumbnailOf(write(dir, "huge2.png", pngHeader(10_000, 10_000)), "image/png"));
    }

    @Test
    void exactly50MegapixelsIsAllowed() throws IOException {
        assertEquals(new PictureSize(10_000, 5_000), pictures.sizeOf(write(dir, "big.png", pngHeader(10_000, 5_000)), "image/png"));
        assertEquals(new PictureSize(10_000, 5_000), pictures.sizeOf(write(dir, "big.jpg", jpegHeader(10_000, 5_000)), "image/jpeg"));
    }

    @Test
    void aGifsLogicalScreenCountsToo() throws IOException {
        assertThrows(InvalidPayload.class, () -> pictures.sizeOf(write(dir, "screen.gif", gifHeader(10_000, 10_000, 10, 10)), "image/gif"));
    }

    @Test
    void bytesThatAreNotAPictureAreRefused() throws IOException {
        Path junk = write(dir, "junk", "definitely not a picture".getBytes());
        for (String type : List.of("image/jpeg", "image/png", "image/webp", "image/gif")) {
            assertThrows(InvalidPayload.class, () -> pictures.sizeOf(junk, type), type);
        }
        assertThrows(InvalidPayload.class, () -> pictures.sizeOf(junk, "application/pdf"));
    }

    static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        return TestPictures.png(List.of(new Chunk("IHDR", ihdr.array())));
    }

    /** SOI, a quantisation table, a baseline SOF0 for three components, and nothing after. */
    static byte[] jpegHeader(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDB, 0, 67, 0});
        for (int i = 0; i < 64; i++) out.write(1);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC0, 0, 17, 8, (byte) (height >> 8), (byte) height, (byte) (width >> 8), (byte) width, 3,
            1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0});
        return out.toByteArray();
    }

    /** A logical screen and a first image descriptor, no colour table, no pixels. */
    static byte[] gifHeader(int screenWidth, int screenHeight, int frameWidth, int frameHeight) {
        ByteBuffer gif = ByteBuffer.allocate(24).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        gif.put("GIF89a".getBytes()).putShort((short) screenWidth).putShort((short) screenHeight).put((byte) 0).put((byte) 0).put((byte) 0);
        gif.put((byte) 0x2C).putShort((short) 0).putShort((short) 0).putShort((short) frameWidth).putShort((short) frameHeight).put((byte) 0);
        return gif.array();
    }
}
