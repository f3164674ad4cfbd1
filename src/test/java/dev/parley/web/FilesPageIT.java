package dev.parley.web;

import static dev.parley.support.Browser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Browser;
import dev.parley.support.Drawings;
import dev.parley.support.Server;
import dev.parley.support.Users.Registered;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Files in the web page, in headless Chromium: two people in a room, one pastes a screenshot, the other
 * attaches a PDF; each sees the other's file live (a preview that opens in the viewer, a card whose link
 * downloads), and on a phone a dropped file is attached, an upload cancelled, and a file sent without text.
 */
class FilesPageIT {
    private static final By ROWS = testId("message");
    private static final By ATTACHMENT = testId("attachment");
    private final Api api = Api.server();
    private final String page = Server.url() + "/";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void twoPeopleExchangeAScreenshotAndAPdfLive(@Registered("fp_bob") Login bob) throws IOException {
        String room = api.createRoom(bob, "fproom");
        long hello = api.postMessage(bob, room, "hello");
        String alice = Api.uniqueName("fp_alice");
        String carol = Api.uniqueName("fp_carol");
        Path pdf = Files.createTempFile("parley-notes-", ".pdf");
        Files.write(pdf, pdf("Minutes of the meeting"));
        try (Browser a = Browser.start("files-alice"); Browser c = Browser.start("files-carol")) {
            for (Browser person : List.of(a, c)) {
                person.signInAsGuest(page, person == a ? alice : carol);
                person.joinFromRoomsList(room);
                person.await(row(hello)); // joined: what comes next arrives live
            }

            // Alice pastes a screenshot into the message box: attached, uploaded at once, sent with her words.
            paste(a, Drawings.png(640, 400), "image.png");
            a.until("a pasted picture named for when it was taken", d -> d.findElements(ATTACHMENT).stream()
                    .anyMatch(item -> item.getText().startsWith("Screenshot ")));
            awaitUploaded(a, 1);
            a.screenshot("60-files-pasted");
            a.byId("composer-input").sendKeys("the new layout");
            a.click("composer-send");
            a.awaitCount(ATTACHMENT, 0);

            // Carol sees it live: a preview sized from the picture's own size, so the list does not jump.
            By preview = By.cssSelector("#message-list [data-testid='file-preview']");
            String size = c.until("the preview", d -> {
                WebElement shown = d.findElement(preview);
                return shown.getAttribute("width") + " x " + shown.getAttribute("height");
            });
            assertEquals("360 x 225", size, "640 x 400 drawn at most 360 wide, sized before it loads");
            c.until("the thumbnail (at most 400 px on its longer side) to load", d -> loaded(c, preview) == 400L);
            String screenshotId = c.until("the message with the picture", d -> d.findElement(
                    By.xpath("//li[@data-testid='message'][.//*[@data-testid='file-preview']]")).getAttribute("data-id"));
            c.awaitText(By.cssSelector("#message-list li[data-id='" + screenshotId + "'] [data-testid='message-text']"), "the new layout");

            // It opens in the viewer, full size, by click and by keyboard; Esc and a click close it.
            c.click(By.cssSelector("#message-list [data-testid='file-picture']"));
            c.await(testId("file-viewer"));
            c.until("the picture itself in the viewer", d -> loaded(c, testId("viewer-image")) == 640L);
            assertTrue(c.byTestId("viewer-download").getAttribute("href").contains("/api/files/"));
            c.screenshot("61-files-viewer");
            c.byTestId("viewer-close").sendKeys(Keys.ESCAPE);
            c.awaitGone(testId("file-viewer"));
            c.script("document.querySelector(\"#message-list [data-testid='file-picture']\").focus()");
            ((WebElement) c.script("return document.activeElement")).sendKeys(Keys.ENTER);
            c.await(testId("file-viewer"));
            c.click(By.id("viewer-image"));
            c.awaitGone(testId("file-viewer"));

            // Carol attaches a PDF with the attach button's file chooser and sends it without text.
            chooseFile(c, pdf);
            awaitUploaded(c, 1);
            c.click("composer-send");
            c.awaitCount(ATTACHMENT, 0);

            // Alice sees its card live: a PDF icon, the name, the size, and a link that downloads it.
            String card = a.until("the PDF's card", d -> d.findElement(By.cssSelector("#message-list [data-testid='file-card']")).getText());
            assertEquals(List.of("PDF", pdf.getFileName().toString(), Files.size(pdf) + " B"), List.of(card.split("\\s*\n\\s*")), "its icon, name and size");
            String link = a.await(By.cssSelector("#message-list [data-testid='file-card'] [data-testid='file-download']")).getAttribute("href");
            HttpResponse<byte[]> download = get(link);
            assertEquals(200, download.statusCode(), "the signed link works without a token");
            assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
            assertEquals(Files.size(pdf), download.body().length);
            a.screenshot("62-files-card");

            // An expired link is asked for again, never shown broken: spoil the preview's link, and it comes back.
            a.await(preview);
            String spoiled = (String) a.script("const img = document.querySelector(\"#message-list [data-testid='file-preview']\");"
                    + " img.src = img.src.replace(/.$/, ch => ch === 'A' ? 'B' : 'A'); return img.src;");
            a.until("a fresh link loaded", d -> loaded(a, preview) == 400L
                    && !spoiled.equals(a.script("return document.querySelector(\"#message-list [data-testid='file-preview']\").src")));
            assertEquals(List.of(), a.problems(), "problems in Alice's page");
            assertEquals(List.of(), c.problems(), "problems in Carol's page");
        }
    }

    @Test
    void onAPhoneADroppedFileUploadsCancelsAndSendsWithoutText(@Registered("fp_dan") Login dan) {
        String room = api.createRoom(dan, "fpphone");
        long hello = api.postMessage(dan, room, "hello");
        String erin = Api.uniqueName("fp_erin");
        try (Browser e = Browser.start("files-phone")) {
            e.signInAsGuest(page, erin);
            e.joinFromRoomsList(room);
            e.await(row(hello));
            e.resize(390, 844); // a phone from here on (the connection status is in the drawer there)
            WebElement attach = e.byTestId("attach");
            assertTrue(attach.getRect().getX() + attach.getRect().getWidth() <= 390, "the attach button is on the screen");

            // A big upload on a slow line shows its progress and can be cancelled.
            throttle(e, true);
            drop(e, new byte[600_000], "big.bin");
            e.until("the upload to be under way", d -> {
                Object sent = d.executeScript("const p = document.querySelector(\"[data-testid='attachment-progress']\"); return p ? p.value : null");
                return sent instanceof Number n && n.doubleValue() > 0;
            });
            e.screenshot("63-files-phone-progress");
            e.clickTestId("attachment-cancel");
            e.awaitCount(ATTACHMENT, 0);
            throttle(e, false);

            // A dropped picture, sent with no text: the message is the picture alone.
            drop(e, Drawings.png(300, 500), "photo.png");
            awaitUploaded(e, 1);
            e.screenshot("64-files-phone-attached");
            e.click("composer-send");
            e.awaitCount(ATTACHMENT, 0);
            int textLines = e.until("the picture stored", d -> d.findElements(ROWS).stream()
                    .filter(r -> !r.getAttribute("data-id").isEmpty() && !r.findElements(testId("file-preview")).isEmpty())
                    .map(r -> r.findElements(testId("message-text")).size()).findFirst().orElse(null));
            assertEquals(0, textLines, "no empty text line");
            By preview = By.cssSelector("#message-list [data-testid='file-preview']");
            e.until("the preview to load", d -> loaded(e, preview) > 0);
            double width = ((Number) e.script("return document.querySelector(\"#message-list [data-testid='file-picture']\").getBoundingClientRect().right")).doubleValue();
            assertTrue(width <= 390, "the preview fits the phone's width: " + width);
            e.screenshot("65-files-phone-sent");
            assertEquals(List.of(), e.problems(), "problems in the page");
        }
    }

    private static By row(long id) {
        return By.cssSelector("#message-list li[data-id='" + id + "']");
    }

    /** The natural width of the loaded image, 0 while it loads (or failed). */
    private static long loaded(Browser browser, By image) {
        Object width = browser.script("const img = arguments[0]; return img.complete ? img.naturalWidth : 0", browser.await(image));
        return ((Number) width).longValue();
    }

    private static void awaitUploaded(Browser browser, int count) {
        browser.until(count + " uploaded", d -> d.findElements(By.cssSelector("[data-testid='attachment'][data-status='done']")).size() == count);
        browser.awaitCount(By.cssSelector("[data-testid='attachment'][data-status='failed']"), 0);
    }

    /** What Chromium does when a copied picture is pasted into the message box. */
    private static void paste(Browser browser, byte[] bytes, String name) {
        browser.script("const bytes = Uint8Array.from(atob(arguments[0]), ch => ch.charCodeAt(0));"
                + "const data = new DataTransfer(); data.items.add(new File([bytes], arguments[1], {type: 'image/png'}));"
                + "const box = document.getElementById('composer-input'); box.focus();"
                + "box.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));",
                Base64.getEncoder().encodeToString(bytes), name);
    }

    /** What Chromium does when a file is dragged from the desktop and dropped on the conversation. */
    private static void drop(Browser browser, byte[] bytes, String name) {
        browser.script("const bytes = Uint8Array.from(atob(arguments[0]), ch => ch.charCodeAt(0));"
                + "const kind = arguments[1].endsWith('.png') ? 'image/png' : 'application/octet-stream';"
                + "const data = new DataTransfer(); data.items.add(new File([bytes], arguments[1], {type: kind}));"
                + "const target = document.getElementById('message-list');"
                + "for (const type of ['dragenter', 'dragover', 'drop'])"
                + "  target.dispatchEvent(new DragEvent(type, {dataTransfer: data, bubbles: true, cancelable: true}));",
                Base64.getEncoder().encodeToString(bytes), name);
    }

    /** The attach button opens the system's file chooser for this input; a test hands it the file directly. */
    private static void chooseFile(Browser browser, Path file) {
        browser.all(By.id("file-input")).get(0).sendKeys(file.toAbsolutePath().toString());
    }

    /** A slow upload line (DevTools' network throttling), so that progress and cancel can be seen. */
    private static void throttle(Browser browser, boolean slow) {
        browser.cdp("Network.enable", Map.of());
        browser.cdp("Network.emulateNetworkConditions", Map.of("offline", false, "latency", slow ? 50 : 0,
                "downloadThroughput", -1, "uploadThroughput", slow ? 40_000 : -1));
    }

    private HttpResponse<byte[]> get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A one-page PDF with a line of text, written by hand (cross-reference offsets computed). */
    static byte[] pdf(String text) {
        String content = "BT /F1 18 Tf 72 720 Td (" + text + ") Tj ET";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        StringBuilder xref = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int i = 0; i < objects.size(); i++) {
            xref.append(String.format("%010d 00000 n \n", pdf.length()));
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int start = pdf.length();
        pdf.append(xref).append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(start).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
