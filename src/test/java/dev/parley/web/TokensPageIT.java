package dev.parley.web;

import static dev.parley.support.Browser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.support.Api;
import dev.parley.support.Api.Reply;
import dev.parley.support.Browser;
import dev.parley.support.Server;
import dev.parley.support.Sock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The tokens view in headless Chromium at phone width: reached from the account menu in the drawer,
 * it makes a personal access token (shown once, and it works), a bot and a token for the bot, revokes
 * a token, and a message from the bot shows the "bot" badge in the chat.
 */
class TokensPageIT {
    private final Api api = Api.server();

    @Test
    void aPersonMakesATokenAndABotAndTheBotShowsAsOne() {
        String me = Api.uniqueName("tp_me");
        String bot = Api.uniqueName("tp_bot");
        assertEquals(201, api.register(me).status());
        try (Browser page = Browser.start("tokens")) {
            page.open(Server.url() + "/").click("tab-login");
            page.type("login-username", me);
            page.type("login-password", Api.PASSWORD);
            page.click("login-submit");
            page.awaitText(testId("connection"), "Connected");
            page.resize(390, 844); // a phone: the account menu is in the drawer
            page.awaitText(testId("view-title"), "# feed");

            page.click("open-drawer");
            page.clickTestId("open-tokens");
            page.awaitText(testId("view-title"), "Tokens and bots");

            // A personal token: shown once, and it works.
            page.type("token-name", "backup script");
            page.clickTestId("token-create");
            String token = page.await(testId("token-value")).getText();
            assertEquals(200, api.get("/api/users/me", token).status());
            page.awaitCount(By.cssSelector("#token-list [data-testid='token']"), 1);
            page.await(testId("token-copy"));

            // A bot, and a token for it.
            page.type("bot-username", bot);
            page.type("bot-display-name", "Robo");
            page.clickTestId("bot-create");
            page.await(testId("bot-" + bot));
            page.byTestId("bot-" + bot).findElement(testId("bot-token-name")).sendKeys("feeder");
            page.click(By.cssSelector("[data-testid='bot-" + bot + "'] [data-testid='bot-token-create']"));
            String botToken = page.await(By.cssSelector("[data-testid='bot-" + bot + "'] [data-testid='bot-token-value']")).getText();
            page.screenshot("40-tokens-phone");

            // The personal token is revoked from the page; the bot's still works.
            page.click(By.cssSelector("#token-list [data-testid='token-revoke']"));
            page.awaitCount(By.cssSelector("#token-list [data-testid='token']"), 0);
            assertEquals(401, api.get("/api/users/me", token).status());

            // The bot, online, writes in feed: its message carries the badge, and so does its name among those online.
            page.click("tokens-back");
            page.awaitText(testId("view-title"), "# feed");
            try (Sock robot = Sock.connect(botToken)) {
                long id = Sock.ok(robot.ack("message", Sock.say("feed", "beep boop"))).getJSONObject("message").getLong("id");
                page.await(By.cssSelector("#message-list li[data-id='" + id + "'] [data-testid='bot-badge']"));
                page.screenshot("41-bot-message-phone");
                page.click("open-drawer");
                page.await(By.cssSelector("[data-testid='online-" + bot + "'] [data-testid='bot-badge']"));
            }
            Reply me2 = api.get("/api/users/me", botToken);
            assertEquals(true, me2.json().getJsonObject("user").getBoolean("bot"));
            assertEquals(List.of(), page.problems(), "problems in the page");
        }
    }
}
