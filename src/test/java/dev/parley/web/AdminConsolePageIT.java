package dev.parley.web;

import static dev.parley.support.Browser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Browser;
import dev.parley.support.Server;
import dev.parley.support.Sock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The server admin's console in headless Chromium: the admin finds an account, disables it (its open
 * socket ends), enables it, makes it an admin, sees a private room they are not in with its owner and
 * the server's numbers, on a laptop and at phone width, and deletes someone's message in feed; a
 * person who is not an admin has no way in.
 */
class AdminConsolePageIT {
    private final Api api = Api.server();

    private static By inRow(String row, String testId) {
        return By.cssSelector("[data-testid='" + row + "'] [data-testid='" + testId + "']");
    }

    @Test
    void anAdminManagesAccountsSeesEveryRoomAndTheNumbersAndNobodyElseSeesTheConsole() {
        Login victim = api.registerAndLogin("acp_user");
        Login owner = api.guest("acp_own");
        // Digits sort before letters: the room is on the console's first page of rooms.
        String secret = api.createPrivateRoom(owner, "0acp");
        String row = "admin-account-" + victim.username();
        try (Browser page = Browser.start("admin-console"); Sock victims = Sock.connect(victim.token())) {
            page.executeOnNewDocument("window.confirm = () => true;"); // the console confirms what cannot be undone
            page.open(Server.url() + "/").click("tab-login");
            page.type("login-username", Api.ADMIN);
            page.type("login-password", Api.ADMIN_PASSWORD);
            page.click("login-submit");
            page.awaitText(testId("connection"), "Connected");

            page.clickTestId("open-admin");
            page.awaitText(testId("view-title"), "Server admin");
            page.type("admin-query", victim.username());
            page.clickTestId("admin-search");
            page.awaitText(inRow(row, "admin-sessions"), "1");

            page.click(inRow(row, "admin-disable"));
            victims.awaitTerminated("revoked");
            page.await(inRow(row, "admin-disabled"));
            assertEquals(403, api.post("/api/auth/login", null, Api.credentials(victim.username(), Api.PASSWORD)).status());
            page.click(inRow(row, "admin-enable"));
            page.awaitGone(inRow(row, "admin-disabled"));
            Login back = api.login(victim.username());

            page.click(inRow(row, "admin-grant"));
            page.await(inRow(row, "admin-badge"));
            page.await(inRow(row, "admin-take"));
            assertTrue(api.get("/api/users/me", back.token()).json().getJsonObject("user").getBoolean("admin"));
            page.click(inRow(row, "admin-take"));
            page.await(inRow(row, "admin-grant"));
            assertFalse(api.get("/api/users/me", back.token()).json().getJsonObject("user").getBoolean("admin"));

            page.clickTestId("admin-tab-rooms");
            String roomRow = "admin-room-" + secret;
            page.await(inRow(roomRow, "admin-room-private"));
            page.awaitText(inRow(roomRow, "admin-room-owner"), "@" + owner.username());
            page.awaitText(inRow(roomRow, "admin-room-retention"), "server default");
            page.awaitText(inRow(roomRow, "admin-room-members"), "1");
            page.await(inRow(roomRow, "admin-room-export"));

            page.clickTestId("admin-tab-stats");
            page.awaitText(testId("stat-nodes"), "1");
            long users = Long.parseLong(page.byTestId("stat-users").getText().replace(",", ""));
            api.registerAndLogin("acp_more");
            page.clickTestId("admin-stats-refresh");
            page.awaitText(testId("stat-users"), String.format(Locale.US, "%,d", users + 1));

            page.resize(390, 844); // a phone: the tables are stacked rows
            page.clickTestId("admin-tab-accounts");
            page.await(inRow(row, "admin-terminate"));
            page.screenshot("50-admin-accounts-phone");
            page.clickTestId("admin-tab-rooms");
            page.await(inRow(roomRow, "admin-room-export"));
            page.screenshot("51-admin-rooms-phone");
            page.resize(1280, 800);

            // Back in the chat, an admin deletes anyone's message in feed.
            long spam = api.postMessage(owner, "feed", "buy now " + secret);
            page.click("admin-back");
            page.awaitText(testId("view-title"), "# feed");
            By message = By.cssSelector("#message-list li[data-id='" + spam + "']");
            for (int click = 0; click < 2; click++) { // the second click confirms
                WebElement delete = page.until("the delete action", d -> d.findElement(message).findElement(testId("action-delete")));
                page.script("arguments[0].click()", delete);
            }
            page.awaitText(By.cssSelector("#message-list li[data-id='" + spam + "'] [data-testid='message-text']"), "This message was deleted.");
            assertEquals(List.of(), page.problems(), "problems in the page");
        }

        try (Browser page = Browser.start("not-admin")) {
            page.signInAsGuest(Server.url() + "/", Api.uniqueName("acp_no"));
            page.awaitText(testId("connection"), "Connected");
            page.await(testId("open-account"));
            assertTrue(page.all(testId("open-admin")).stream().noneMatch(WebElement::isDisplayed), "no way into the console");
            assertEquals(List.of(), page.problems(), "problems in the page");
        }
    }
}
