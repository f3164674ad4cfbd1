package dev.parley.files.control;

import static dev.parley.files.control.TestPictures.halves;
import static dev.parley.files.control.TestPictures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.files.entity.Thumbnail;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailTest {
    @TempDir
    Path dir;

    final Pictures pictures = new Pictures();
    final Set<Thread> poolThreads = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() {
        ThreadFactory counting = task -> {
            Thread thread = Executors.defaultThreadFactory().newThread(task);
            poolThreads.add(thread);
            return thread;
        };
        pictures.start(counting);
    }

    @AfterEach
    void stop() {
        pictures.stop();
    }

    @Test
    void aLargePictureShrinksTo400OnItsLongerSideItsShapeKept() throws Exception {
        Thumbnail thumbnail = pictures.thumbnailOf(write(dir, "a.jpg", TestPictures.encode(halves(1200, 600, BufferedImage.TYPE_INT_RGB), "jpeg")), "image/jpeg");
        assertEquals("image/jpeg", thumbnail.contentType());
        BufferedImage image = decode(thumbnail);
        assertEquals(400, image.getWidth());
        assertEquals(200, image.getHeight());
        assertNear(Color.RED, image.getRGB(50, 100));
        assertNear(Color.BLUE, image.getRGB(350, 100));
    }

    @Test
    void aSmallPictureIsNeverEnlargedAndAnOpaqueOneBecomesJpeg() throws Exception {
        Thumbnail thumbnail = pictures.thumbnailOf(write(dir, "a.png", TestPictures.encode(halves(300, 200, BufferedImage.TYPE_INT_ARGB), "png")), "image/png");
        assertEquals("image/jpeg", thumbnail.contentType(), "an alpha channel with nothing see-through is not transparency");
        BufferedImage image = decode(thumbnail);
        assertEquals(300, image.getWidth());
        assertEquals(200, image.getHeight());
    }

    @Test
    void transparencyIsKeptInPng() throws Exception {
        BufferedImage see = new BufferedImage(900, 300, BufferedImage.TYPE_INT_ARGB);
        see.setRGB(0, 0, 900, 150, filled(900 * 150, 0x80FF0000), 0, 900);
        Thumbnail thumbnail = pictures.thumbnailOf(write(dir, "a.png", TestPictures.encode(see, "png")), "image/png");
        assertEquals("image/png", thumbnail.contentType());
        BufferedImage image = decode(thumbnail);
        assertEquals(400, image.getWidth());
        assertEquals(133, image.getHeight());
        assertEquals(0, image.getRGB(200, 120) >>> 24, "the lower half stays fully transparent");
        assertTrue(Math.abs((image.getRGB(200, 10) >>> 24) - 0x80) <= 2);
    }

    @Test
    void theOrientationIsAppliedToThePixels() throws Exception {
        // Orientation 6: shown turned 90° clockwise, so the left (red) half is on top.
        Thumbnail thumbnail = pictures.thumbnailOf(write(dir, "a.jpg", TestPictures.jpegWithLocation(halves(800, 400, BufferedImage.TYPE_INT_RGB), 6)), "image/jpeg");
        BufferedImage image = decode(thumbnail);
        assertEquals(200, image.getWidth());
        assertEquals(400, image.getHeight());
        assertNear(Color.RED, image.getRGB(100, 50));
        assertNear(Color.BLUE, image.getRGB(100, 350));
    }

    @Test
    void anAnimationGivesItsFirstFrame() throws Exception {
        BufferedImage gif = decode(pictures.thumbnailOf(write(dir, "a.gif", GifPictures.animated(false)), "image/gif"));
        assertEquals(60, gif.getWidth());
        assertNear(Color.RED, gif.getRGB(30, 15));
        BufferedImage webp = decode(pictures.thumbnailOf(LocationRemovalTest.resource("animated.webp"), "image/webp"));
        assertEquals(64, webp.getWidth());
        assertNear(new Color(220, 30, 30), webp.getRGB(30, 15));
    }

    @Test
    void aWebpIsReadAndTurnedAsItsExifSays() throws Exception {
        Thumbnail thumbnail = pictures.thumbnailOf(LocationRemovalTest.resource("located.webp"), "image/webp");
        BufferedImage image = decode(thumbnail);
        assertEquals(32, image.getWidth());
        assertEquals(64, image.getHeight());
        assertNear(new Color(220, 30, 30), image.getRGB(16, 32));
    }

    @Test
    void aBurstOfPicturesIsMadeOnAFewThreads() throws Exception {
        Path picture = write(dir, "a.jpg", TestPictures.encode(halves(1600, 1200, BufferedImage.TYPE_INT_RGB), "jpeg"));
        ExecutorService uploads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Thumbnail>> burst = new ArrayList<>();
            for (int i = 0; i < 16; i++) burst.add(() -> pictures.thumbnailOf(picture, "image/jpeg"));
            for (Future<Thumbnail> made : uploads.invokeAll(burst)) assertEquals("image/jpeg", made.get().contentType());
        } finally {
            uploads.shutdownNow();
        }
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(Math.max(1, cores / 2), poolThreads.size(), "16 uploads at once, decoded on half the cores");
    }

    private static BufferedImage decode(Thumbnail thumbnail) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumbnail.bytes()));
        assertFalse(image == null, "a readable " + thumbnail.contentType());
        return image;
    }

    private static int[] filled(int count, int argb) {
        int[] pixels = new int[count];
        java.util.Arrays.fill(pixels, argb);
        return pixels;
    }

    private static void assertNear(Color expected, int argb) {
        Color actual = new Color(argb);
        int distance = Math.abs(expected.getRed() - actual.getRed()) + Math.abs(expected.getGreen() - actual.getGreen()) + Math.abs(expected.getBlue() - actual.getBlue());
        assertTrue(distance < 40, "expected about " + expected + " but was " + actual);
    }
}
