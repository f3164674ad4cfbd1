package dev.parley.files.control;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Animated GIFs written by the JDK's GIF writer: a red frame then a blue one, looping, with or without a comment and XMP. */
final class GifPictures {
    private GifPictures() {
    }

    static byte[] animated(boolean withMetadata) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            boolean first = true;
            for (Color color : new Color[] {Color.RED, Color.BLUE}) {
                BufferedImage frame = new BufferedImage(60, 30, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = frame.createGraphics();
                g.setColor(color);
                g.fillRect(0, 0, 60, 30);
                g.dispose();
                IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
                metadata.mergeTree("javax_imageio_gif_image_1.0", tree(first, withMetadata));
                writer.writeToSequence(new IIOImage(frame, null, metadata), null);
                first = false;
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return withMetadata ? withXmp(out.toByteArray()) : out.toByteArray();
    }

    /** The JDK's writer drops application extensions other than looping, so XMP goes in by hand, before the first comment. */
    private static byte[] withXmp(byte[] gif) {
        int at = 0;
        while (!(gif[at] == 0x21 && gif[at + 1] == (byte) 0xFE)) at++;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(gif, 0, at);
        out.writeBytes(new byte[] {0x21, (byte) 0xFF, 11});
        out.writeBytes("XMP DataXMP".getBytes(StandardCharsets.US_ASCII));
        byte[] xmp = TestPictures.XMP_WITH_LOCATION.getBytes(StandardCharsets.UTF_8);
        for (int from = 0; from < xmp.length; from += 255) {
            int size = Math.min(255, xmp.length - from);
            out.write(size);
            out.write(xmp, from, size);
        }
        out.write(0);
        out.write(gif, at, gif.length - at);
        return out.toByteArray();
    }

    private static IIOMetadataNode tree(boolean first, boolean withMetadata) {
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_gif_image_1.0");
        IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", "50");
        control.setAttribute("transparentColorIndex", "0");
        root.appendChild(control);
        if (withMetadata) {
            IIOMetadataNode comments = new IIOMetadataNode("CommentExtensions");
            IIOMetadataNode comment = new IIOMetadataNode("CommentExtension");
            comment.setAttribute("value", "taken at home");
            comments.appendChild(comment);
            root.appendChild(comments);
        }
        if (first) {
            IIOMetadataNode applications = new IIOMetadataNode("ApplicationExtensions");
            applications.appendChild(application("NETSCAPE", "2.0", new byte[] {1, 0, 0}));
            root.appendChild(applications);
        }
        return root;
    }

    private static IIOMetadataNode application(String id, String code, byte[] data) {
        IIOMetadataNode application = new IIOMetadataNode("ApplicationExtension");
        application.setAttribute("applicationID", id);
        application.setAttribute("authenticationCode", code);
        application.setUserObject(data);
        return application;
    }
}
