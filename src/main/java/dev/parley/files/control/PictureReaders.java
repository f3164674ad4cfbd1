package dev.parley.files.control;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import dev.parley.errors.InvalidPayload;
import dev.parley.errors.ParleyException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ServiceRegistry;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * ImageIO readers for the four picture types. TwelveMonkeys' JPEG and WebP readers are made directly
 * rather than found in ImageIO's registry: the registry is JVM-wide and scans the class loader of
 * whoever touches it first (on an application server, maybe not Parley's WAR), and a WAR's plugins
 * left in it would outlive an undeploy. PNG and GIF use the JDK's own readers.
 */
final class PictureReaders {
    private static final ImageReaderSpi JPEG = withJdkDelegate(new JPEGImageReaderSpi());
    private static final ImageReaderSpi WEBP = new WebPImageReaderSpi();

    /** A picture open for reading; closing it frees the reader and the file. */
    static final class Opened implements AutoCloseable {
        final ImageReader reader;
        private final ImageInputStream input;

        private Opened(ImageReader reader, ImageInputStream input) {
            this.reader = reader;
            this.input = input;
        }

        @Override
        public void close() throws IOException {
            reader.dispose();
            input.close();
        }
    }

    private PictureReaders() {
    }

    /** Opens the picture without reading its metadata: a header read (getWidth) is all it has done. */
    static Opened open(Path file, String contentType) throws IOException {
        ImageReader reader = readerFor(contentType);
        ImageInputStream input = new FileImageInputStream(file.toFile());
        reader.setInput(input, true, true);
        return new Opened(reader, input);
    }

    /** Turns a decoder's complaint about the bytes into the contract's error; decoders throw anything on bad input. */
    static RuntimeException unreadable(Exception e) {
        if (e instanceof ParleyException parley) return parley;
        return new InvalidPayload("Not a readable picture");
    }

    private static ImageReader readerFor(String contentType) throws IOException {
        return switch (contentType) {
            case "image/jpeg" -> JPEG.createReaderInstance();
            case "image/webp" -> WEBP.createReaderInstance();
            case "image/png" -> jdkReader("png");
            case "image/gif" -> jdkReader("gif");
            default -> throw new InvalidPayload("Not a picture");
        };
    }

    /**
     * TwelveMonkeys' JPEG reader hands some work to the JDK's and finds it when registered; registering it
     * in a registry of its own (holding the JDK's reader only) does that without touching ImageIO's.
     */
    private static ImageReaderSpi withJdkDelegate(ImageReaderSpi twelveMonkeys) {
        ServiceRegistry own = new ServiceRegistry(List.<Class<?>>of(ImageReaderSpi.class).iterator());
        IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, true).forEachRemaining(spi -> {
            if (spi.getClass().getName().equals("com.sun.imageio.plugins.jpeg.JPEGImageReaderSpi")) own.registerServiceProvider(spi, ImageReaderSpi.class);
        });
        own.registerServiceProvider(twelveMonkeys, ImageReaderSpi.class);
        return twelveMonkeys;
    }

    private static ImageReader jdkReader(String format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) throw new IllegalStateException("This Java has no " + format + " reader");
        return readers.next();
    }
}
