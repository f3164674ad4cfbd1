package dev.parley.web;

import static dev.parley.support.Browser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Browser;
import dev.parley.support.Server;
import dev.parley.support.Users.Registered;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Replies, edits, deletions, reactions, mentions and search in the web page, in headless Chromium,
 * with another person acting over REST. The message actions show on hover; they are clicked by script.
 */
class MessageFeaturesPageIT {
    private static final By MESSAGE_TEXT = testId("message-text");
    private final Api api = Api.server();
    private final String page = Server.url() + "/";

    private static By row(long id) {
        return By.cssSelector("#message-list li[data-id='" + id + "']");
    }

    private static void clickInRow(Browser browser, long id, String testId) {
        WebElement button = browser.until(testId + " of " + id, d -> d.findElement(row(id)).findElement(testId(testId)));
        browser.script("arguments[0].click()", button);
    }

    @Test
    void replyEditDeleteReactMentionAndSearchInThePage(@Registered("pg_bob") Login bob) {
        String room = api.createRoom(bob, "pgroom");
        long original = api.postMessage(bob, room, "the original question");
        api.postMany(bob, room, "filler ", 60); // the original is beyond the first page
        String alice = Api.uniqueName("pg_alice");
        String word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Browser a = Browser.start("features")) {
            a.signInAsGuest(page, alice);
            a.joinFromRoomsList(room);
            a.awaitElementWithText(MESSAGE_TEXT, "filler 59");

            // A reply to a message not loaded yet: the quote jumps there, loading history.
            long reply = Api.messageId(api.post("/api/rooms/" + room + "/messages", bob.token(),
                    "{\"text\": \"answering myself\", \"replyTo\": " + original + "}"));
            a.await(row(reply));
            a.click(By.cssSelector("#message-list li[data-id='" + reply + "'] [data-testid='quote']"));
            a.await(row(original));
            assertEquals("the original question", a.byTestId("messages").findElement(row(original)).findElement(MESSAGE_TEXT).getText());

            // Alice replies with the composer, then edits and deletes her message.
            long mineId = send(a, "frist!");
            clickInRow(a, mineId, "action-edit");
            a.await(testId("composer-context"));
            WebElement input = a.byId("composer-input");
            input.clear();
            input.sendKeys("first!" + Keys.ENTER);
            a.until("edited", d -> d.findElement(row(mineId)).findElement(MESSAGE_TEXT).getText().startsWith("first!"));
            a.await(By.cssSelector("#message-list li[data-id='" + mineId + "'] [data-testid='edited']"));
            assertEquals("first!", api.get("/api/rooms/" + room + "/messages?limit=1", bob.token()).json()
                    .getJsonArray("messages").getJsonObject(0).getString("text"));

            clickInRow(a, reply, "action-reply");
            a.awaitText(testId("composer-context"), "Replying to");
            long answer = send(a, "an answer");
            assertEquals(reply, api.get("/api/rooms/" + room + "/messages?limit=1", bob.token()).json()
                    .getJsonArray("messages").getJsonObject(0).getJsonNumber("replyTo").longValue());
            a.await(By.cssSelector("#message-list li[data-id='" + answer + "'] [data-testid='quote']"));

            // Reactions: Alice's from the picker and Bob's over REST count together; a click takes hers back.
            clickInRow(a, reply, "action-react");
            WebElement picked = a.until("the picker", d -> d.findElement(By.cssSelector("#message-list li[data-id='" + reply + "'] .emoji-picker [data-emoji='👍']")));
            a.script("arguments[0].click()", picked);
            By thumbs = By.cssSelector("#message-list li[data-id='" + reply + "'] [data-testid='reaction'][data-emoji='👍']");
            a.awaitText(thumbs, "1");
            assertEquals(204, api.put("/api/messages/" + reply + "/reactions/%F0%9F%91%8D", bob.token()).status());
            a.awaitText(thumbs, "2");
            a.click(thumbs);
            a.awaitText(thumbs, "1");

            clickInRow(a, mineId, "action-delete");
            clickInRow(a, mineId, "action-delete"); // the second click confirms
            a.awaitText(By.cssSelector("#message-list li[data-id='" + mineId + "'] [data-testid='message-text']"), "This message was deleted.");

            // A mention while Alice looks elsewhere: its own badge, then highlighted in the room.
            a.clickTestId("conv-room:feed");
            a.awaitText(testId("view-title"), "# feed");
            long mention = api.postMessage(bob, room, "@" + alice + " can you check " + word + "?");
            a.awaitText(testId("mentions-room:" + room), "@1");
            a.clickTestId("conv-room:" + room);
            a.awaitGone(testId("mentions-room:" + room));
            WebElement highlighted = a.await(By.cssSelector("#message-list li[data-id='" + mention + "'] .mention-me"));
            assertEquals("@" + alice, highlighted.getText());
            assertTrue(a.byTestId("messages").findElement(row(mention)).getAttribute("class").contains("mentions-me"));

            // @ completion offers Bob from the room.
            WebElement composer = a.byId("composer-input");
            composer.sendKeys("hi @" + bob.username().substring(0, 4));
            a.awaitElementWithText(testId("mention-suggestion"), bob.username() + " @" + bob.username());
            composer.sendKeys(Keys.TAB);
            a.until("completed", d -> composer.getAttribute("value").equals("hi @" + bob.username() + " "));
            composer.clear();

            // Search finds Bob's message; its result opens the room at it.
            a.clickTestId("conv-room:feed");
            a.byId("search-input").sendKeys(word + Keys.ENTER);
            WebElement result = a.await(By.cssSelector("[data-testid='search-result'][data-id='" + mention + "']"));
            result.click();
            a.awaitText(testId("view-title"), "# " + room);
            a.await(row(mention));

            // Text that looks like HTML is shown as text, never run.
            long html = api.postMessage(bob, room, "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=1</script>");
            a.await(row(html));
            assertTrue(a.byTestId("messages").findElements(By.cssSelector("#message-list img, #message-list script")).isEmpty());
            assertEquals(null, a.script("return window.__pwned || null"));
            a.screenshot("20-message-features");
            assertEquals(List.of(), a.problems(), "problems in the page");
        }
    }

    /** Sends with the composer; the stored message's id. */
    private static long send(Browser browser, String text) {
        browser.byId("composer-input").sendKeys(text);
        browser.click("composer-send");
        WebElement stored = browser.until("\"" + text + "\" stored", d -> d.findElements(testId("message")).stream()
                .filter(row -> !row.getAttribute("data-id").isEmpty() && row.findElement(MESSAGE_TEXT).getText().equals(text))
                .findFirst().orElse(null));
        return Long.parseLong(stored.getAttribute("data-id"));
    }
}
