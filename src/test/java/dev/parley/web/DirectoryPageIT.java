package dev.parley.web;

import static dev.parley.support.Browser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Browser;
import dev.parley.support.Server;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The people directory and the data export in the web page, in headless Chromium at phone width: `@`
 * completes a name the page never saw, a new conversation with a name nobody has is refused at once,
 * and "Download my data" saves the export as a file; a server admin saves a room's history from the
 * room's people dialog.
 */
class DirectoryPageIT {
    /**
     * Records what the page saves: the Blob behind each object URL, and the file name and text when a
     * link to one is clicked (the click itself goes nowhere: headless Chromium has no one to save for).
     */
    private static final String RECORD_DOWNLOADS = """
            (() => {
              const made = URL.createObjectURL.bind(URL);
              const blobs = new Map();
              URL.createObjectURL = (blob) => { const url = made(blob); blobs.set(url, blob); return url; };
              const click = HTMLAnchorElement.prototype.click;
              HTMLAnchorElement.prototype.click = function () {
                const blob = this.download && blobs.get(this.href);
                if (!blob) return click.call(this);
                const name = this.download;
                blob.text().then((text) => { window.savedDownload = { name, text }; });
              };
            })();
            """;

    private final Api api = Api.server();

    @Test
    void namesComeFromTheDirectoryANameNobodyHasIsSaidAtOnceAndMyDataDownloads() {
        String me = Api.uniqueName("dp_me");
        String karin = Api.uniqueName("kar");
        assertEquals(201, api.register(karin).status()); // registered, never online: the page has not seen her
        String nobody = Api.uniqueName("nobody");
        try (Browser page = Browser.start("directory")) {
            page.executeOnNewDocument(RECORD_DOWNLOADS);
            page.signInAsGuest(Server.url() + "/", me);
            page.resize(390, 844);
            page.awaitText(testId("view-title"), "# feed");

            // `@` and the start of her name: the directory offers her.
            WebElement composer = page.byId("composer-input");
            composer.sendKeys("hello @" + karin.substring(0, karin.length() - 1));
            page.awaitElementWithText(testId("mention-suggestion"), karin + " @" + karin);
            composer.sendKeys(Keys.TAB);
            page.until("completed", d -> page.byId("composer-input").getAttribute("value").equals("hello @" + karin + " "));
            page.byId("composer-input").clear();

            // A new conversation with a name nobody has is refused in the dialog, before anything is sent.
            page.click("open-drawer");
            page.click("new-dm");
            page.type("dm-username", nobody);
            page.clickTestId("dm-submit");
            page.awaitText(testId("dm-error"), "No one is called " + nobody + ".");
            assertEquals(Boolean.TRUE, page.script("return document.getElementById('dm-dialog').open"), "the dialog stays open");
            page.type("dm-username", karin.toUpperCase());
            page.clickTestId("dm-submit");
            page.awaitText(testId("view-title"), karin); // her display name is her username
            assertEquals(404, api.get("/api/conversations/" + nobody + "/messages", api.guest("dp_check").token()).status());

            // Download my data: the export, fetched with the session's token, saved under the server's name.
            page.click("open-drawer");
            page.click("open-account");
            page.awaitText(testId("view-title"), "Account");
            page.clickTestId("download-data");
            page.awaitText(testId("download-status"), "Downloaded");
            @SuppressWarnings("unchecked")
            Map<String, Object> saved = page.until("the export saved",
                    d -> (Map<String, Object>) d.executeScript("return window.savedDownload || null"));
            assertEquals("parley-export-" + me + ".json", saved.get("name"));
            JsonObject export = Json.createReader(new StringReader((String) saved.get("text"))).readObject();
            assertEquals(me, export.getJsonObject("account").getString("username"));
            assertTrue(export.containsKey("messages"));
            page.screenshot("50-account-download-phone");
            assertEquals(java.util.List.of(), page.problems());
        }
    }

    @Test
    void anAdminDownloadsARoomsHistoryFromItsPeopleDialog() {
        Api.Login admin = api.admin();
        String room = api.createRoom(admin, "dp_hist");
        long said = api.postMessage(admin, room, "for the record");
        try (Browser page = Browser.start("room-history")) {
            page.executeOnNewDocument(RECORD_DOWNLOADS);
            page.open(Server.url() + "/").click("tab-login");
            page.type("login-username", Api.ADMIN);
            page.type("login-password", Api.ADMIN_PASSWORD);
            page.click("login-submit");
            page.awaitText(testId("connection"), "Connected");
            page.clickTestId("conv-room:" + room);
            page.awaitText(testId("view-title"), "# " + room);
            page.clickTestId("room-people");
            page.clickTestId("room-export");
            @SuppressWarnings("unchecked")
            Map<String, Object> saved = page.until("the room's history saved",
                    d -> (Map<String, Object>) d.executeScript("return window.savedDownload || null"));
            assertEquals("parley-room-" + room + ".json", saved.get("name"));
            JsonObject export = Json.createReader(new StringReader((String) saved.get("text"))).readObject();
            assertEquals(room, export.getJsonObject("room").getString("name"));
            assertEquals(said, export.getJsonArray("messages").getJsonObject(0).getJsonNumber("id").longValue());
        }
    }
}
