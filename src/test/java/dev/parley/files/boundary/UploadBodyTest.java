package dev.parley.files.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.errors.InvalidPayload;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UploadBodyTest {
    static final String BOUNDARY = "----parleyBoundary7MA4YWxk";
    static final String TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    static byte[] form(String disposition, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nskipped\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: " + disposition + "\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    @Test
    void thePartNamedFileIsReadExactly() throws Exception {
        byte[] content = new byte[700_000];
        new Random(7).nextBytes(content);
        byte[] tricky = ("\r\n--" + BOUNDARY.substring(0, 10) + "\r\n\r\n--").getBytes(StandardCharsets.US_ASCII); // like a boundary, but not one
        System.arraycopy(tricky, 0, content, 1000, tricky.length);
        UploadBody upload = UploadBody.multipart(TYPE, new ByteArrayInputStream(form("form-data; name=\"file\"; filename=\"Über.png\"", content)));
        assertEquals("Über.png", upload.filename());
        assertArrayEquals(content, upload.bytes().readAllBytes());
    }

    @Test
    void anExtendedFilenameWins() throws Exception {
        UploadBody upload = UploadBody.multipart(TYPE, new ByteArrayInputStream(
                form("form-data; name=\"file\"; filename=\"fallback.txt\"; filename*=UTF-8''%E2%82%AC%20rates.txt", "x".getBytes())));
        assertEquals("€ rates.txt", upload.filename());
    }

    @Test
    void aFormWithoutAFilePartOrMalformedIsRefused() {
        InvalidPayload none = assertThrows(InvalidPayload.class, () -> UploadBody.multipart(TYPE,
                new ByteArrayInputStream(form("form-data; name=\"other\"; filename=\"a.txt\"", "x".getBytes()))));
        assertTrue(none.getMessage().contains("file"));
        assertThrows(InvalidPayload.class, () -> UploadBody.multipart(TYPE,
                new ByteArrayInputStream(("--" + BOUNDARY + "\r\n" + "X: " + "y".repeat(20_000) + "\r\n\r\nbody").getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void multipartIsToldByItsType() {
        assertTrue(UploadBody.isMultipart("Multipart/Form-Data; boundary=x"));
        assertEquals(false, UploadBody.isMultipart("application/octet-stream"));
        assertEquals(false, UploadBody.isMultipart(null));
    }
}
