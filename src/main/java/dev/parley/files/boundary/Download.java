package dev.parley.files.boundary;

import dev.parley.files.control.FileStore;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.Arrays;

/**
 * One stored blob as an HTTP answer: 200 with the bytes, 206 with the range asked for, 416 for a range
 * past the end, 304 when the client's {@code If-None-Match} names its ETag (the bytes' SHA-256, so the
 * same bytes are the same ETag on every node). The bytes are streamed from the store as they are sent.
 */
record Download(FileStore store, String key, long size, String contentType, String etag, String disposition) {

    Response answer(HttpHeaders request) {
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH))) {
            return common(Response.notModified()).build();
        }
        String ifRange = request.getHeaderString("If-Range");
        ByteRange range = ifRange != null && !ifRange.strip().equals(etag) ? new ByteRange.Whole()
                : ByteRange.of(request.getHeaderString("Range"), size);
        if (range instanceof ByteRange.Part part) {
            return common(Response.status(206).entity(bytes(part.first(), part.length())).type(contentType))
                    .header("Content-Range", part.contentRange(size))
                    .header(HttpHeaders.CONTENT_LENGTH, part.length()).build();
        }
        if (range instanceof ByteRange.Unsatisfiable) {
            return common(Response.status(416)).header("Content-Range", "bytes */" + size).build();
        }
        return common(Response.ok(bytes(0, size), contentType)).header(HttpHeaders.CONTENT_LENGTH, size).build();
    }

    private Response.ResponseBuilder common(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.ETAG, etag)
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache");
    }

    /** {@code If-None-Match}: {@code *} or a list of tags, compared weakly (RFC 9110, 13.1.2). */
    private boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) return false;
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
    }

    private StreamingOutput bytes(long offset, long length) {
        return out -> {
            try (InputStream in = store.read(key, offset, length)) {
                in.transferTo(out);
            }
        };
    }
}
