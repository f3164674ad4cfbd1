package dev.parley.support;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** The first line of the file when {@link #mark} was taken: how the file is found again once rotated. */
    private String markedFirstLine;

    /** Where the log ends now. */
    public long mark() {
        try {
            markedFirstLine = firstLine(file);
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What was logged after {@code mark}. Payara's log file handler rotates the file (at about 1 MB:
     * {@code it-server.log.0} becomes {@code .1}, and so on): what was logged since then is read from
     * the rotated files too.
     */
    public String since(long mark) {
        try {
            List<Path> files = new ArrayList<>(List.of(file));
            Matcher numbered = Pattern.compile("^(.*\\.)(\\d+)$").matcher(file.getFileName().toString());
            if (markedFirstLine != null && !markedFirstLine.equals(firstLine(file)) && numbered.matches()) {
                for (int n = Integer.parseInt(numbered.group(2)) + 1; n < 100; n++) {
                    Path older = file.resolveSibling(numbered.group(1) + n);
                    if (!Files.exists(older)) break;
                    files.add(0, older);
                    if (markedFirstLine.equals(firstLine(older))) break;
                }
            }
            StringBuilder logged = new StringBuilder();
            for (int i = 0; i < files.size(); i++) logged.append(read(files.get(i), i == 0 ? mark : 0));
            return logged.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path, long from) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(path.toFile(), "r")) {
            long length = in.length();
            byte[] bytes = new byte[(int) Math.max(0, length - from)];
            in.seek(Math.min(from, length));
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static String firstLine(Path path) throws IOException {
        if (!Files.exists(path)) return null;
        try (var lines = Files.newBufferedReader(path, StandardCharsets.ISO_8859_1)) {
            return lines.readLine();
        }
    }

    public static boolean hasStackTrace(String logged) {
        return FRAME.matcher(logged).find();
    }

    /** How many log records {@code logged} holds that mention {@code text}. */
    public static int recordsMentioning(String logged, String text) {
        return records(logged).stream().filter(r -> r.contains(text)).toList().size();
    }

    /**
     * The records that mention {@code text}, but for Payara's own {@code NullPointerException}s in
     * {@code PECoyoteConnector.requestEndEvent}: Payara asks an HTTP request for its server name or its
     * method after it has recycled it under a client that hung up, and logs SEVERE (docs/library-gaps.md). A client
     * that hangs up mid-request triggers it now and then; nothing in Parley's code is on that path.
     */
    public static List<String> recordsMentioningExceptPayarasRequestEndDefect(String logged, String text) {
        return records(logged).stream().filter(r -> r.contains(text))
                .filter(r -> !(r.contains("PECoyoteConnector.requestEndEvent") && !r.contains("dev.parley."))).toList();
    }

    private static List<String> records(String logged) {
        List<String> records = new java.util.ArrayList<>();
        Matcher starts = RECORD.matcher(logged);
        int previous = -1;
        while (starts.find()) {
            if (previous >= 0) records.add(logged.substring(previous, starts.start()));
            previous = starts.start();
        }
        if (previous >= 0) records.add(logged.substring(previous));
        return records;
    }
}
