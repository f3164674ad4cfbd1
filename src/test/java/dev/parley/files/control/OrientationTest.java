package dev.parley.files.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class OrientationTest {
    /** Where EXIF says stored pixel (x, y) of a w x h picture is shown (TIFF 6.0, tag 274). */
    private static int[] shown(int orientation, int x, int y, int w, int h) {
        return switch (orientation) {
            case 2 -> new int[] {w - 1 - x, y};
            case 3 -> new int[] {w - 1 - x, h - 1 - y};
            case 4 -> new int[] {x, h - 1 - y};
            case 5 -> new int[] {y, x};
            case 6 -> new int[] {h - 1 - y, x};
            case 7 -> new int[] {h - 1 - y, w - 1 - x};
            case 8 -> new int[] {y, w - 1 - x};
            default -> new int[] {x, y};
        };
    }

    @Test
    void eachOrientationMovesEveryPixelWhereExifSays() {
        int w = 3;
        int h = 2;
        BufferedImage stored = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) stored.setRGB(x, y, 0x10 * (y * w + x + 1));
        }
        for (int orientation = 1; orientation <= 8; orientation++) {
            BufferedImage upright = Orientation.upright(stored, orientation);
            boolean swapped = orientation >= 5;
            assertEquals(swapped ? h : w, upright.getWidth(), "orientation " + orientation);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int[] at = shown(orientation, x, y, w, h);
                    assertEquals(stored.getRGB(x, y), upright.getRGB(at[0], at[1]), "orientation " + orientation + ", pixel " + x + "," + y);
                }
            }
        }
    }

    @Test
    void theOrientationRoundTripsThroughItsOwnExif() throws Exception {
        for (int orientation = 1; orientation <= 8; orientation++) assertEquals(orientation, Orientation.of(Orientation.only(orientation)));
        assertEquals(6, Orientation.of(Orientation.onlyForJpeg(6)));
        assertEquals(Orientation.UPRIGHT, Orientation.of(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 99}), "broken EXIF counts as upright");
        assertEquals(Orientation.UPRIGHT, Orientation.of(null));
    }
}
