package dev.parley.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server's log file, read from a mark on: what the server logged while a test did something. The
 * shared test server logs to target/it-server.log (the build passes {@code --logtofile});
 * {@link OwnServer#log()} is another.
 */
public final class ServerLog {
    /** A stack frame, as java.util.logging prints a trace. */
    private static final Pattern FRAME = Pattern.compile("^\\s+at [\\w$.]+\\(", Pattern.MULTILINE);
    /** Where a record of Payara's log format starts: {@code [2026-11-29T17:46:56.653+0000] [] [INFO] ...}. */
    private static final Pattern RECORD = Pattern.compile("^\\[\\d{4}-\\d\\d-\\d\\dT", Pattern.MULTILINE);

    private final Path file;

    public ServerLog(Path file) {
        this.file = file;
    }

    public static ServerLog shared() {
        Path target = Path.of(System.getProperty("parley.it.target", "target"));
        Path named = target.resolve("it-server.log");
        // Payara Micro's --logtofile writes through a java.util.logging file handler, which numbers the file.
        return new ServerLog(Files.exists(named) ? named : target.resolve("it-server.log.0"));
    }

    /** Where the log ends now. */
    public long mark() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What was logged after {@code mark}. */
    public String since(long mark) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            byte[] bytes = new byte[(int) Math.max(0, length - mark)];
            in.seek(Math.min(mark, length));
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean hasStackTrace(String logged) {
        return FRAME.matcher(logged).find();
    }

    /** How many log records {@code logged} holds that mention {@code text}. */
    public static int recordsMentioning(String logged, String text) {
        int count = 0;
        Matcher starts = RECORD.matcher(logged);
        int previous = -1;
        while (starts.find()) {
            if (previous >= 0 && logged.substring(previous, starts.start()).contains(text)) count++;
            previous = starts.start();
        }
        if (previous >= 0 && logged.substring(previous).contains(text)) count++;
        return count;
    }
}
