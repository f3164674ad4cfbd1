package dev.parley.files.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DispositionTest {
    @Test
    void asciiNamesAreQuoted() {
        assertEquals("attachment; filename=\"report.pdf\"", Disposition.of("report.pdf", false));
        assertEquals("inline; filename=\"cat.png\"", Disposition.of("cat.png", true));
        assertEquals("attachment; filename=\"say \\\"hi\\\" \\\\ bye.txt\"", Disposition.of("say \"hi\" \\ bye.txt", false));
    }

    @Test
    void namesBeyondAsciiGetFilenameStar() {
        assertEquals("attachment; filename=\"_bersicht 100_.pdf\"; filename*=UTF-8''%C3%9Cbersicht%20100%E2%82%AC.pdf",
                Disposition.of("Übersicht 100€.pdf", false));
        assertEquals("inline; filename=\"__.jpg\"; filename*=UTF-8''%E5%86%99%E7%9C%9F.jpg", Disposition.of("写真.jpg", true));
        assertEquals("attachment; filename=\"a;b'c.txt\"; filename*=UTF-8''a%3Bb%27c%C3%A9.txt".replace("c.txt\"", "c_.txt\""),
                Disposition.of("a;b'cé.txt", false));
    }

    @Test
    void multipartParametersAreRead() {
        Map<String, String> params = UploadBody.parameters("Content-Disposition: form-data; name=\"file\"; filename=\"Über \\\"x\\\".png\"");
        assertEquals("file", params.get("name"));
        assertEquals("Über \"x\".png", params.get("filename"));
        assertEquals("file", UploadBody.parameters("content-disposition: form-data;name=file;filename=a.txt").get("name"));
        assertEquals("a.txt", UploadBody.parameters("content-disposition: form-data;name=file;filename=a.txt").get("filename"));
        assertEquals("C:\\Users\\me\\x.txt", UploadBody.parameters("Content-Disposition: form-data; name=\"file\"; filename=\"C:\\Users\\me\\x.txt\"").get("filename"));
    }
}
