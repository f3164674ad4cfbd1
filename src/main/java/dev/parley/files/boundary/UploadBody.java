package dev.parley.files.boundary;

import dev.parley.errors.InvalidPayload;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;

/**
 * The bytes of an upload and the name its body gives, if any: the raw body as it comes, or the part
 * named {@code file} of a {@code multipart/form-data} body, read as a stream by Mime4j (the part's bytes
 * are never held whole; headers are bounded).
 */
record UploadBody(String filename, InputStream bytes) {
    private static final MimeConfig MULTIPART = new MimeConfig.Builder()
            .setMaxLineLen(-1)              // a part's binary content has no lines; the boundary is found by scanning
            .setMaxHeaderLen(8192)
            .setMaxHeaderCount(32)
            .setMaxTotalHeaderCount(256)
            .setMaxTotalHeaderLen(65536)
            .setMaxPartCount(64)
            .setMaxNestingDepth(1)
            .setMaxContentLen(-1)
            .build();

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    static UploadBody raw(InputStream body) {
        return new UploadBody(null, body);
    }

    /** The first part named {@code file}; parts before it are skipped unread beyond their ends. */
    static UploadBody multipart(String contentType, InputStream body) throws IOException {
        MimeTokenStream parts = new MimeTokenStream(MULTIPART);
        parts.parseHeadless(body, contentType);
        try {
            Map<String, String> disposition = Map.of();
            for (EntityState state = parts.getState(); state != EntityState.T_END_OF_STREAM; state = parts.next()) {
                switch (state) {
                    case T_START_BODYPART -> disposition = Map.of();
                    case T_FIELD -> {
                        Field field = parts.getField();
                        if ("content-disposition".equals(field.getNameLowerCase())) {
                            disposition = parameters(new String(field.getRaw().toByteArray(), StandardCharsets.UTF_8));
                        }
                    }
                    case T_BODY -> {
                        if ("file".equals(disposition.get("name"))) {
                            String filename = disposition.containsKey("filename*") ? extended(disposition.get("filename*"))
                                    : disposition.get("filename");
                            return new UploadBody(filename, parts.getDecodedInputStream());
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (MimeException malformed) {
            throw new InvalidPayload("The multipart body is malformed");
        }
        throw new InvalidPayload("A multipart upload needs a part named 'file'");
    }

    /**
     * A {@code Content-Disposition} header line's parameters by lower-cased name, values unquoted. Browsers
     * send a filename's UTF-8 bytes as they are inside the quotes, so the line is read as UTF-8.
     */
    static Map<String, String> parameters(String line) {
        Map<String, String> params = new LinkedHashMap<>();
        int colon = line.indexOf(':');
        String s = colon >= 0 ? line.substring(colon + 1) : line;
        int i = s.indexOf(';');
        while (i >= 0 && i < s.length()) {
            i++;
            int eq = s.indexOf('=', i);
            if (eq < 0) break;
            String name = s.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            int at = eq + 1;
            while (at < s.length() && (s.charAt(at) == ' ' || s.charAt(at) == '\t')) at++;
            StringBuilder value = new StringBuilder();
            if (at < s.length() && s.charAt(at) == '"') {
                at++;
                while (at < s.length() && s.charAt(at) != '"') {
                    char c = s.charAt(at);
                    // Browsers escape a quote as \" (and some send backslashes of a Windows path unescaped).
                    if (c == '\\' && at + 1 < s.length() && s.charAt(at + 1) == '"') c = s.charAt(++at);
                    value.append(c);
                    at++;
                }
                at++;
                i = s.indexOf(';', at);
            } else {
                int end = s.indexOf(';', at);
                value.append((end < 0 ? s.substring(at) : s.substring(at, end)).strip());
                i = end;
            }
            params.putIfAbsent(name, value.toString());
            if (i < 0) break;
        }
        return params;
    }

    /** An RFC 8187 value, {@code UTF-8''%E2%82%AC.txt}; another charset or a malformed one gives null. */
    private static String extended(String value) {
        int quote = value.indexOf("''");
        if (quote < 0 || !value.substring(0, quote).equalsIgnoreCase("utf-8")) return null;
        try {
            return URLDecoder.decode(value.substring(quote + 2).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
