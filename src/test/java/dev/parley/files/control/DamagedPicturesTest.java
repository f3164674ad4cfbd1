package dev.parley.files.control;

import static dev.parley.files.control.TestPictures.halves;
import static org.junit.jupiter.api.Assertions.fail;

import dev.parley.errors.InvalidPayload;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pictures cut short or with bytes changed, as uploads break and as attackers craft them: every step
 * either works or answers invalid_payload, and none loops or throws anything else. The container
 * filters are hand-written parsers, so they get this in particular.
 */
class DamagedPicturesTest {
    @TempDir
    Path dir;

    final Pictures pictures = new Pictures();

    @BeforeEach
    void start() {
        pictures.start(java.util.concurrent.Executors.defaultThreadFactory());
    }

    @AfterEach
    void stop() {
        pictures.stop();
    }

    @Test
    void cutShortOrChangedEachFormatWorksOrIsRefused() throws Exception {
        Map<String, byte[]> samples = Map.of(
                "image/jpeg", TestPictures.jpegWithLocation(halves(64, 48, BufferedImage.TYPE_INT_RGB), 6),
                "image/png", TestPictures.pngWithLocation(halves(40, 30, BufferedImage.TYPE_INT_ARGB), 8),
                "image/gif", GifPictures.animated(true),
                "image/webp", Files.readAllBytes(LocationRemovalTest.resource("located.webp")));
        Random random = new Random(26);
        for (Map.Entry<String, byte[]> sample : samples.entrySet()) {
            byte[] whole = sample.getValue();
            for (int length = 0; length < whole.length; length += Math.max(1, whole.length / 20)) {
                check(sample.getKey(), Arrays.copyOf(whole, length), "cut at " + length);
            }
            for (int i = 0; i < 20; i++) {
                byte[] changed = whole.clone();
                for (int j = 0; j < 1 + random.nextInt(4); j++) changed[random.nextInt(changed.length)] = (byte) random.nextInt(256);
                check(sample.getKey(), changed, "changed, round " + i);
            }
        }
    }

    private void check(String type, byte[] bytes, String what) throws Exception {
        Path file = Files.write(dir.resolve("in"), bytes);
        Path target = dir.resolve("out");
        try {
            pictures.sizeOf(file, type);
            pictures.withoutLocation(file, type, target);
            pictures.thumbnailOf(target, type);
        } catch (InvalidPayload expected) {
            // refused: fine
        } catch (Exception | Error e) {
            fail(type + " " + what + ": " + e, e);
        }
    }
}
