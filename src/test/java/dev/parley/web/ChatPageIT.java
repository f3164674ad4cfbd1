package dev.parley.web;

import static dev.parley.support.Browser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Browser;
import dev.parley.support.Server;
import dev.parley.support.Users.Guest;
import dev.parley.support.Users.Registered;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The web page at {@code /}, in real headless Chromium: each person is a separate browser with its own
 * profile. Screenshots of the main views go to target/screenshots.
 */
class ChatPageIT {
    private static final By MESSAGE_TEXT = testId("message-text");
    private final Api api = Api.server();
    private final String page = Server.url() + "/";

    @Test
    void twoPeopleChatInTheFeedARoomAndDirectlyWithUnreadBadgesPresenceAndTyping() {
        String alice = Api.uniqueName("alice");
        String bob = Api.uniqueName("bob");
        String room = Api.uniqueName("design").toLowerCase(Locale.ROOT);
        try (Browser a = Browser.start("alice"); Browser b = Browser.start("bob")) {
            a.open(page).byId("login-view");
            a.screenshot("01-login");
            register(a, alice, "Alice Liddell");
            register(b, bob, "Bob Marley");

            a.await(testId("online-" + bob));
            b.await(testId("online-" + alice));

            send(a, "Good morning, everyone!");
            b.awaitElementWithText(MESSAGE_TEXT, "Good morning, everyone!");
            send(b, "Morning Alice! Coffee is on.");
            a.awaitElementWithText(MESSAGE_TEXT, "Morning Alice! Coffee is on.");
            a.screenshot("02-feed");

            a.click("browse-rooms");
            a.type("room-name", room);
            a.type("room-topic", "Mock-ups, reviews and the release plan");
            a.click("create-room-submit");
            a.awaitText(testId("view-title"), "# " + room);
            send(a, "Kick-off: the new sidebar ships Friday.");

            b.joinFromRoomsList(room);
            b.awaitText(testId("view-title"), "# " + room);
            b.awaitElementWithText(MESSAGE_TEXT, "Kick-off: the new sidebar ships Friday.");
            send(b, "Great, I'll review the mock-ups today.");
            a.awaitElementWithText(MESSAGE_TEXT, "Great, I'll review the mock-ups today.");

            // Alice reads the feed: Bob's next room message shows as unread there, and as a toast.
            a.clickTestId("conv-room:feed");
            a.awaitText(testId("view-title"), "# feed");
            send(b, "Also: the demo moved to 3 pm.");
            a.awaitText(testId("unread-room:" + room), "1");
            a.awaitText(testId("toasts"), "Also: the demo moved to 3 pm.");
            // The feed has no notifications; its unread count is the page's own.
            send(a, "Lunch at noon?");
            b.awaitText(testId("unread-room:feed"), "1");

            a.clickTestId("conv-room:" + room);
            a.awaitElementWithText(MESSAGE_TEXT, "Also: the demo moved to 3 pm.");
            a.awaitGone(testId("unread-room:" + room));
            a.screenshot("03-room");

            // Bob writes to Alice directly, from the people online.
            b.clickTestId("online-" + alice);
            b.awaitText(testId("view-title"), "Alice Liddell");
            send(b, "Got a minute to talk about the roadmap?");
            String bobsConversation = "dm:" + bob.toLowerCase(Locale.ROOT);
            a.awaitText(testId("unread-" + bobsConversation), "1");
            a.screenshot("04-unread");
            a.clickTestId("conv-" + bobsConversation);
            a.awaitText(testId("view-title"), "Bob Marley");
            a.awaitElementWithText(MESSAGE_TEXT, "Got a minute to talk about the roadmap?");
            a.awaitGone(testId("unread-" + bobsConversation));
            send(a, "Sure, call in five?");
            b.awaitElementWithText(MESSAGE_TEXT, "Sure, call in five?");

            b.byId("composer-input").sendKeys("Sounds good");
            a.awaitText(testId("typing"), "Bob Marley is typing");
            a.screenshot("05-direct-message");
            a.until("the typing line to clear by itself", d -> d.findElement(testId("typing")).getText().isEmpty());

            a.resize(390, 844);
            a.awaitText(testId("view-title"), "Bob Marley");
            a.screenshot("06-phone");
            a.click("open-drawer");
            a.until("the drawer to have slid in", d -> ((Number) d.executeScript(
                    "return document.getElementById('sidebar').getBoundingClientRect().left")).doubleValue() >= 0);
            a.screenshot("07-phone-drawer");
            a.clickTestId("conv-room:feed");
            a.awaitText(testId("view-title"), "# feed");
            a.until("the drawer to close", d -> !d.findElement(By.id("app-view")).getAttribute("class").contains("drawer-open"));

            b.clickTestId("conv-room:" + room);
            b.click("leave-room");
            b.awaitText(testId("view-title"), "# feed");
            b.awaitGone(testId("conv-room:" + room));

            assertEquals(List.of(), a.problems(), "problems in the page");
            assertEquals(List.of(), b.problems(), "problems in the page");
        }
    }

    @Test
    void endingASessionFromTheSessionsViewSendsThatPageBackToLoginWithTheReason() {
        String carol = Api.uniqueName("carol");
        assertEquals(201, api.register(carol).status());
        try (Browser laptop = Browser.start("laptop"); Browser phone = Browser.start("phone")) {
            signIn(laptop, carol);
            signIn(phone, carol);

            laptop.click("open-sessions");
            laptop.awaitText(testId("view-title"), "Sessions");
            laptop.awaitCount(testId("session"), 2);
            laptop.screenshot("08-sessions");
            WebElement other = laptop.until("the other session's card", d -> d.findElements(testId("session")).stream()
                    .filter(card -> "false".equals(card.getAttribute("data-current"))).findFirst().orElse(null));
            laptop.clickTestId("end-session-" + other.getAttribute("data-session-id"));
            laptop.awaitCount(testId("session"), 1);

            phone.byId("login-view");
            phone.awaitText(testId("login-notice"), "This session was ended from another of your sessions.");
            assertNull(phone.script("return sessionStorage.getItem('parley.token')"), "the ended token is forgotten");
            phone.screenshot("09-ended-session");

            // "End all other sessions" ends one made elsewhere, here over REST.
            Login script = api.login(carol);
            laptop.click("back-to-chat");
            laptop.click("open-sessions");
            laptop.awaitCount(testId("session"), 2);
            laptop.click("end-others");
            laptop.awaitCount(testId("session"), 1);
            laptop.await(By.cssSelector("[data-testid='session'][data-current='true']"));
            assertEquals(401, api.get("/api/users/me", script.token()).status());
            assertEquals(List.of(), laptop.problems(), "problems in the page");
        }
    }

    @Test
    void theAccountViewRenamesBlocksChangesThePasswordAndDeletesTheAccount() {
        String ivy = Api.uniqueName("ivy");
        assertEquals(201, api.register(ivy).status());
        Login mallory = api.registerAndLogin("mallory");
        try (Browser laptop = Browser.start("ivy-laptop"); Browser phone = Browser.start("ivy-phone")) {
            signIn(laptop, ivy);
            signIn(phone, ivy);

            laptop.click("open-account");
            laptop.awaitText(testId("view-title"), "Account");
            laptop.awaitText(testId("account-handle"), "@" + ivy);
            laptop.type("profile-display-name", "Ivy \u202Egnp");
            laptop.click("profile-save");
            laptop.awaitText(testId("profile-error"), "control or format characters");
            laptop.type("profile-display-name", "Ivy Green");
            laptop.click("profile-save");
            laptop.awaitText(testId("me-name"), "Ivy Green");
            laptop.awaitText(testId("account-name"), "Ivy Green");

            // Mallory writes; Ivy blocks her from the conversation, and her next message is refused.
            assertEquals(201, api.post("/api/conversations/" + ivy + "/messages", mallory.token(), Api.json("text", "Cheap watches!")).status());
            String malloryConv = "conv-dm:" + mallory.username().toLowerCase(Locale.ROOT);
            laptop.clickTestId(malloryConv);
            laptop.awaitElementWithText(MESSAGE_TEXT, "Cheap watches!");
            laptop.awaitElementWithText(testId("message-handle"), "@" + mallory.username());
            laptop.clickTestId("block-user");
            laptop.awaitText(By.id("view-sub"), "blocked");
            laptop.awaitText(testId("block-user"), "Unblock");
            assertEquals(403, api.post("/api/conversations/" + ivy + "/messages", mallory.token(), Api.json("text", "Hello?")).status());

            laptop.click("open-account");
            laptop.await(testId("blocked-" + mallory.username()));
            laptop.resize(1280, 1300);
            laptop.screenshot("10-account");
            laptop.clickTestId("unblock-" + mallory.username());
            laptop.awaitGone(testId("blocked-" + mallory.username()));
            assertEquals(201, api.post("/api/conversations/" + ivy + "/messages", mallory.token(), Api.json("text", "Sorry.")).status());

            // A new password signs the phone out, with the reason.
            laptop.type("password-current", "not my password");
            laptop.type("password-new", "battery staple");
            laptop.click("password-save");
            laptop.awaitText(testId("password-error"), "not your current password");
            laptop.type("password-current", Api.PASSWORD);
            laptop.type("password-new", "battery staple");
            laptop.click("password-save");
            laptop.awaitText(By.id("password-saved"), "Password changed");
            phone.awaitText(testId("login-notice"), "Your password was changed in another session.");
            assertNull(phone.script("return sessionStorage.getItem('parley.token')"), "the ended token is forgotten");
            assertEquals(200, api.post("/api/auth/login", null, Api.credentials(ivy, "battery staple")).status());

            laptop.click("delete-account");
            laptop.type("delete-password", "battery staple");
            laptop.screenshot("11-delete-account");
            laptop.clickTestId("delete-confirm");
            laptop.awaitText(testId("login-notice"), "Your account was deleted.");
            assertEquals(401, api.post("/api/auth/login", null, Api.credentials(ivy, "battery staple")).status());
            assertEquals(List.of(), laptop.problems(), "problems in the page");
            assertEquals(List.of(), phone.problems(), "problems in the page");
        }
    }

    @Test
    void messagesShowTheUsernameBesideTheDisplayNameAndADeletedUserAsDeleted(@Guest("gone") Login gone, @Guest("stays") Login stays) {
        api.send("PATCH", "/api/users/me", stays.token(), Api.json("displayName", "Judy Stays"));
        String room = api.createRoom(gone, "leftovers");
        api.join(stays, room);
        api.postMessage(gone, room, "I was here");
        api.postMessage(stays, room, "So was I");
        assertEquals(204, api.send("DELETE", "/api/users/me", gone.token(), "{}").status());
        try (Browser browser = Browser.start("reader")) {
            browser.signInAsGuest(page, Api.uniqueName("reader"));
            browser.joinFromRoomsList(room);
            WebElement left = browser.awaitElementWithText(MESSAGE_TEXT, "I was here");
            WebElement row = left.findElement(By.xpath("ancestor::li[@data-testid='message']"));
            assertEquals("Deleted user", row.findElement(testId("message-from")).getText());
            assertTrue(row.findElements(testId("message-handle")).isEmpty(), "no username for a deleted user");
            browser.awaitElementWithText(testId("message-from"), "Judy Stays");
            browser.awaitElementWithText(testId("message-handle"), "@" + stays.username());
            browser.screenshot("12-deleted-user");
            assertEquals(List.of(), browser.problems(), "problems in the page");
        }
    }

    @Test
    void aGuestReadsOlderMessagesByScrollingUp(@Registered("host") Login host) {
        String room = Api.uniqueName("archive").toLowerCase(Locale.ROOT);
        assertEquals(201, api.post("/api/rooms", host.token(), Api.json("name", room)).status());
        for (int i = 1; i <= 120; i++) {
            assertEquals(201, api.post("/api/rooms/" + room + "/messages", host.token(), Api.json("text", "Note " + i)).status());
        }
        try (Browser guest = Browser.start("guest")) {
            guest.signInAsGuest(page, Api.uniqueName("guest"));
            guest.joinFromRoomsList(room);
            guest.awaitElementWithText(MESSAGE_TEXT, "Note 120");
            assertEquals(50, guest.all(MESSAGE_TEXT).size(), "one page of history at first");

            guest.until("the first message after scrolling up", d -> {
                d.executeScript("document.getElementById('messages').scrollTop = 0");
                return d.findElements(MESSAGE_TEXT).stream().anyMatch(e -> e.getText().equals("Note 1"));
            });
            guest.awaitText(By.id("history-status"), "This is the beginning of the conversation.");
            assertEquals(120, guest.all(MESSAGE_TEXT).size(), "every message once");
        }
    }

    @Test
    void aPageThatLostItsConnectionReconnectsAndCatchesUp(@Registered("dave") Login dave, @Registered("erin") Login erin) {
        try (Browser browser = Browser.start("dave")) {
            signIn(browser, dave.username());
            browser.offline(true);
            browser.awaitText(testId("connection"), "Reconnecting");
            String missed = "Sent while you were away " + Api.uniqueName("m");
            assertEquals(201, api.post("/api/rooms/feed/messages", erin.token(), Api.json("text", missed)).status());
            assertEquals(201, api.post("/api/conversations/" + dave.username() + "/messages", erin.token(),
                    Api.json("text", "Ping while offline")).status());
            browser.offline(false);
            browser.awaitText(testId("connection"), "Connected");
            browser.awaitElementWithText(MESSAGE_TEXT, missed);
            browser.awaitText(testId("unread-dm:" + erin.username().toLowerCase(Locale.ROOT)), "1");

            // A reload keeps the tab signed in: the token is in sessionStorage, never in the URL.
            browser.reload();
            browser.awaitText(testId("connection"), "Connected");
            browser.awaitElementWithText(MESSAGE_TEXT, missed);
            String token = (String) browser.script("return sessionStorage.getItem('parley.token')");
            assertFalse(browser.url().contains(token), "the token stays out of the URL");
            assertEquals(List.of(), browser.problems(), "problems in the page");
        }
    }

    @Test
    void aPageWhoseSessionEndedWhileItWasOfflineIsRefusedOnReconnectAndShowsLogin(@Registered("frank") Login frank) {
        try (Browser browser = Browser.start("frank")) {
            signIn(browser, frank.username());
            String token = (String) browser.script("return sessionStorage.getItem('parley.token')");
            browser.offline(true);
            browser.awaitText(testId("connection"), "Reconnecting");
            assertEquals(204, api.post("/api/auth/logout", token, null).status());
            browser.offline(false);
            browser.awaitText(testId("login-notice"), "Your session has ended or expired. Sign in again.");
            assertNull(browser.script("return sessionStorage.getItem('parley.token')"), "the refused token is forgotten");
            assertEquals(List.of(), browser.problems(), "problems in the page");
        }
    }

    @Test
    void aHiddenPageShowsABrowserNotificationOnceTheUserAllowedIt(@Registered("grace") Login grace, @Registered("heidi") Login heidi) {
        try (Browser browser = Browser.start("grace")) {
            // Headless Chromium has no notification centre and its tab is never hidden: the page gets a
            // recording stand-in for the Notification API, and is told that it went to the background.
            browser.executeOnNewDocument("window.__shown = []; window.Notification = class {"
                    + " static permission = 'default';"
                    + " static requestPermission() { Notification.permission = 'granted'; return Promise.resolve('granted'); }"
                    + " constructor(title, options) { window.__shown.push(title + ': ' + options.body); } close() {} };");
            signIn(browser, grace.username());
            browser.click("notify-enable");
            browser.awaitGone(By.id("notify-prompt"));
            browser.script("Object.defineProperty(document, 'hidden', {value: true, configurable: true});"
                    + "Object.defineProperty(document, 'visibilityState', {value: 'hidden', configurable: true});"
                    + "document.dispatchEvent(new Event('visibilitychange'));");
            assertEquals(201, api.post("/api/conversations/" + grace.username() + "/messages", heidi.token(),
                    Api.json("text", "Are you around?")).status());
            browser.until("a browser notification", d -> ((List<?>) d.executeScript("return window.__shown")).size() == 1);
            assertEquals(List.of(heidi.username() + ": Are you around?"), browser.script("return window.__shown"));
            assertEquals(List.of(), browser.problems(), "problems in the page");
        }
    }

    @Test
    void thePageIsServedAtTheRootWithASecurityPolicyItKeeps() {
        Api.Reply root = api.get("/", null);
        assertEquals(200, root.status());
        assertTrue(root.response().headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String policy = root.response().headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'"), policy);
        assertEquals("nosniff", root.response().headers().firstValue("X-Content-Type-Options").orElse(""));
        assertFalse(root.body().contains("<script>") || root.body().contains(" style="), "no inline script or style");
        Api.Reply script = api.get("/app/main.js", null);
        assertEquals(200, script.status());
        assertTrue(script.response().headers().firstValue("Content-Type").orElse("").contains("javascript"));
        assertEquals(200, api.get("/vendor/socket.io-client-4.8.4/socket.io.esm.min.js", null).status());
        assertEquals("not_found", api.get("/app/missing.js", null).errorCode());
    }

    private void register(Browser browser, String username, String displayName) {
        browser.open(page).click("tab-register");
        browser.type("login-username", username);
        browser.type("login-display-name", displayName);
        browser.type("login-password", Api.PASSWORD);
        browser.click("login-submit");
        browser.awaitText(testId("me-name"), displayName);
        browser.awaitText(testId("connection"), "Connected");
    }

    private void signIn(Browser browser, String username) {
        browser.open(page).click("tab-login");
        browser.type("login-username", username);
        browser.type("login-password", Api.PASSWORD);
        browser.click("login-submit");
        browser.awaitText(testId("connection"), "Connected");
    }

    /** Sends from the composer and waits for the server's ack: the row then carries the stored id. */
    private static void send(Browser browser, String text) {
        browser.byId("composer-input").sendKeys(text);
        browser.click("composer-send");
        browser.until("\"" + text + "\" stored", d -> d.findElements(testId("message")).stream()
                .anyMatch(row -> !row.getAttribute("data-id").isEmpty()
                        && row.findElement(MESSAGE_TEXT).getText().equals(text)));
    }
}
