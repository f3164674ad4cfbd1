package dev.parley.files.control;

import dev.parley.files.entity.Thumbnail;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Makes thumbnails: the first frame, read at a fraction of its size, scaled down smoothly, turned upright. */
final class Thumbnails {
    static final int LONGER_SIDE = 400;
    private static final float JPEG_QUALITY = 0.85f;

    private Thumbnails() {
    }

    /** The picture's size was checked (sizeOf) before; orientation is its EXIF orientation. */
    static Thumbnail of(Path file, String contentType, int orientation) throws IOException {
        BufferedImage frame;
        try (PictureReaders.Opened picture = PictureReaders.open(file, contentType)) {
            int width = picture.reader.getWidth(0);
            int height = picture.reader.getHeight(0);
            // Decoding every pixel of a 50 MP picture takes 200 MB; every n-th row and column of it,
            // still twice the thumbnail's size, takes a few MB and the scaling below smooths it.
            int step = Math.max(1, Math.max(width, height) / (2 * LONGER_SIDE));
            ImageReadParam param = picture.reader.getDefaultReadParam();
            param.setSourceSubsampling(step, step, 0, 0);
            frame = picture.reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            throw PictureReaders.unreadable(e);
        }
        BufferedImage small = Orientation.upright(scaled(normalized(frame)), orientation);
        return hasTransparency(small) ? new Thumbnail(png(small), "image/png") : new Thumbnail(jpeg(small), "image/jpeg");
    }

    /** 8-bit RGB or ARGB, whatever the source's colour model (indexed, grey, 16-bit, CMYK already converted by the reader). */
    private static BufferedImage normalized(BufferedImage image) {
        int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        if (image.getType() == type) return image;
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), type);
        Graphics2D g = copy.createGraphics();
        g.setComposite(AlphaComposite.Src);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return copy;
    }

    /** At most LONGER_SIDE on the longer side, the shape kept, never enlarged; halved step by step so that bilinear scaling does not skip pixels. */
    private static BufferedImage scaled(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int longer = Math.max(width, height);
        if (longer <= LONGER_SIDE) return image;
        int targetWidth = Math.max(1, Math.round(width * (float) LONGER_SIDE / longer));
        int targetHeight = Math.max(1, Math.round(height * (float) LONGER_SIDE / longer));
        BufferedImage current = image;
        while (width != targetWidth || height != targetHeight) {
            width = Math.max(targetWidth, width / 2);
            height = Math.max(targetHeight, height / 2);
            BufferedImage next = new BufferedImage(width, height, image.getType());
            Graphics2D g = next.createGraphics();
            g.setComposite(AlphaComposite.Src);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(current, 0, 0, width, height, null);
            g.dispose();
            current = next;
        }
        return current;
    }

    private static boolean hasTransparency(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) return false;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) >>> 24 != 0xFF) return true;
            }
        }
        return false;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) throw new IOException("This Java has no PNG writer");
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        BufferedImage opaque = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            opaque = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = opaque.createGraphics();
            g.drawImage(image, 0, 0, Color.WHITE, null);
            g.dispose();
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) throw new IOException("This Java has no JPEG writer");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(opaque, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
