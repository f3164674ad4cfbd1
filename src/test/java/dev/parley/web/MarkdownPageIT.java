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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Message text as Markdown's safe subset, in headless Chromium: each construct as its element, mentions
 * highlighted inside it but never in code, and markup or script in a message shown as text, never run.
 */
class MarkdownPageIT {
    private final Api api = Api.server();
    private final String page = Server.url() + "/";

    @Test
    void eachConstructRendersAsItsElementAndMarkupInTextIsNeverRun(@Registered("md_bob") Login bob) {
        String room = api.createRoom(bob, "mdroom");
        long hello = api.postMessage(bob, room, "hello");
        String alice = Api.uniqueName("md_alice");
        try (Browser a = Browser.start("markdown")) {
            a.signInAsGuest(page, alice);
            a.joinFromRoomsList(room);
            messageText(a, hello); // joined: what comes next arrives live

            long emphasis = api.postMessage(bob, room, "*soft* and **loud** and `a*b*c` then\nnext line");
            WebElement text = messageText(a, emphasis);
            assertEquals("soft", text.findElement(By.cssSelector("em")).getText());
            assertEquals("loud", text.findElement(By.cssSelector("strong")).getText());
            assertEquals("a*b*c", text.findElement(By.cssSelector("code")).getText());
            assertEquals(1, text.findElements(By.cssSelector("br")).size());
            assertTrue(text.findElements(By.cssSelector("code em")).isEmpty(), "no emphasis inside code");

            long block = api.postMessage(bob, room, "look:\n```js\nlet x = *y* + [a](https://example.com) // @" + alice + "\n```\ndone");
            WebElement code = messageText(a, block).findElement(By.cssSelector("pre > code"));
            assertEquals("let x = *y* + [a](https://example.com) // @" + alice, code.getText());
            assertTrue(code.findElements(By.cssSelector("*")).isEmpty(), "a code block is text only: no link, no emphasis, no mention");

            long links = api.postMessage(bob, room, "read [the docs](https://example.com/docs?a=1) or https://example.org/x_y. Thanks, @" + alice
                    + " **@" + alice + "** `@" + alice + "`");
            text = messageText(a, links);
            List<WebElement> anchors = text.findElements(By.cssSelector("a"));
            assertEquals(2, anchors.size());
            assertEquals("the docs", anchors.get(0).getText());
            assertEquals("https://example.com/docs?a=1", anchors.get(0).getAttribute("href"));
            assertEquals("https://example.org/x_y", anchors.get(1).getText());
            assertEquals("https://example.org/x_y", anchors.get(1).getAttribute("href"), "the sentence's period is not part of the URL");
            for (WebElement anchor : anchors) {
                assertEquals("_blank", anchor.getAttribute("target"));
                assertEquals("noopener noreferrer", anchor.getAttribute("rel"));
            }
            assertEquals(2, text.findElements(By.cssSelector(".mention-me")).size(), "plain and bold mentions, not the one in code");
            assertEquals(1, text.findElements(By.cssSelector("strong > .mention-me")).size());
            assertTrue(text.findElements(By.cssSelector("code .mention")).isEmpty());

            // Markup and script in a message are text: nothing runs, no element is made from them.
            String tags = "<script>window.__md = 1</script><img src=x onerror=\"window.__md = 2\"><b onclick=\"window.__md = 3\">b</b>";
            long html = api.postMessage(bob, room, tags);
            text = messageText(a, html);
            assertEquals(tags, text.getText());
            assertTrue(text.findElements(By.cssSelector("script, img, b")).isEmpty());
            long unsafe = api.postMessage(bob, room, "[x](javascript:window.__md=4) [y](data:text/html,hi) [z](/relative)");
            text = messageText(a, unsafe);
            assertEquals("[x](javascript:window.__md=4) [y](data:text/html,hi) [z](/relative)", text.getText());
            assertTrue(text.findElements(By.cssSelector("a")).isEmpty(), "only http, https and mailto links");
            assertEquals(null, a.script("return window.__md || null"));
            a.screenshot("21-markdown");
            assertEquals(List.of(), a.problems(), "problems in the page");
        }
    }

    private static WebElement messageText(Browser browser, long id) {
        return browser.await(By.cssSelector("#message-list li[data-id='" + id + "'] [data-testid='message-text']"));
    }
}
