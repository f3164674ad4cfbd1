package dev.parley.web;

import static dev.parley.support.Browser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Browser;
import dev.parley.support.Server;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Incoming webhooks in the web page, in headless Chromium at phone width: a room's owner makes one
 * in the room's people dialog and is shown its URL once with a curl line; a post to that URL, as a CI
 * job sends it, shows up in the page as theirs "via" the webhook (its name escaped, never markup);
 * the owner deletes it, and its URL answers 404.
 */
class WebhooksPageIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(); // as curl sends it
    private final Api api = Api.server();

    private static HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anOwnerMakesAWebhookWhosePostsShowViaItAndDeletesIt() throws Exception {
        String alice = Api.uniqueName("wp_alice");
        String room = Api.uniqueRoom("wp_room");
        String name = "<b>CI</b>";
        try (Browser a = Browser.start("webhooks-owner")) {
            a.signInAsGuest(Server.url() + "/", alice);
            a.click("browse-rooms");
            a.type("room-name", room);
            a.click("create-room-submit");
            a.awaitText(testId("view-title"), "# " + room);
            a.resize(390, 844); // a phone: the people dialog fits it

            a.clickTestId("room-people");
            a.await(testId("webhooks-part"));
            a.awaitText(testId("webhook-list"), "No webhooks yet.");
            a.byTestId("webhook-name").sendKeys(name);
            a.clickTestId("webhook-submit");
            a.await(testId("webhook-made"));
            String url = a.until("the URL", d -> {
                String value = d.findElement(testId("webhook-url")).getAttribute("value");
                return value == null || value.isEmpty() ? null : value;
            });
            assertTrue(url.matches("http://[^/]+/hooks/\\d+/[A-Za-z0-9_-]{43}"), url);
            a.awaitText(testId("webhook-curl"), "curl -X POST -H 'Content-Type: application/json' -d");
            assertTrue(a.byTestId("webhook-curl").getText().endsWith(url), a.byTestId("webhook-curl").getText());
            WebElement listed = a.await(testId("webhook-" + name));
            assertTrue(listed.getText().contains("by @" + alice), listed.getText());
            a.screenshot("40-webhook-made-phone");
            a.script("document.getElementById('people-dialog').close()");

            HttpResponse<String> posted = post(url, "{\"text\": \"deploy done\", \"username\": \"someone else\"}");
            assertEquals(200, posted.statusCode(), posted.body());
            long id = new org.json.JSONObject(posted.body()).getLong("id");
            By row = By.cssSelector("#message-list li[data-id='" + id + "']");
            a.await(row);
            a.awaitText(By.cssSelector("#message-list li[data-id='" + id + "'] [data-testid='message-via']"), "via " + name);
            a.awaitText(By.cssSelector("#message-list li[data-id='" + id + "'] [data-testid='message-handle']"), "@" + alice);
            assertEquals(List.of(), a.all(By.cssSelector("#message-list b")), "the name is text, never markup");
            assertEquals(Boolean.TRUE, a.script("const m = document.getElementById('messages'); return m.scrollWidth <= m.clientWidth"),
                    "the name and its via fit the phone's width");
            a.screenshot("41-message-via-webhook");

            a.clickTestId("room-people");
            for (int click = 0; click < 2; click++) { // the second click confirms
                WebElement delete = a.until("delete", d -> d.findElement(testId("webhook-" + name)).findElement(testId("delete-webhook")));
                a.script("arguments[0].click()", delete);
            }
            a.awaitGone(testId("webhook-" + name));
            a.awaitText(testId("webhook-list"), "No webhooks yet.");
            assertEquals(404, post(url, "{\"text\": \"after\"}").statusCode());
            assertEquals(List.of(), a.problems(), "problems in the owner's page");
        }
    }
}
