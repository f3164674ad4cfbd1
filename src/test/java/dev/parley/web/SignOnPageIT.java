package dev.parley.web;

import static dev.parley.support.Browser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.parley.support.Browser;
import dev.parley.support.Server;
import dev.parley.support.SignOnClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sign-in page's "Sign in with Keycloak", through the build's Keycloak (support/Keycloak), in Chromium. */
class SignOnPageIT {
    private final String page = Server.url() + "/";

    @Test
    void aPersonSignsOnThroughKeycloakLandsInTheChatAndSendsAMessage() {
        try (Browser b = Browser.start("frank")) {
            b.open(page);
            b.awaitText(testId("sso-start"), "Sign in with Keycloak");
            b.screenshot("sign-on-01-page");
            b.clickTestId("sso-start");
            b.until("Keycloak's login page", d -> d.getCurrentUrl().startsWith(SignOnClient.KEYCLOAK) && !d.findElements(org.openqa.selenium.By.id("kc-login")).isEmpty());
            b.type("username", "kc_frank");
            b.type("password", SignOnClient.PASSWORD);
            b.click("kc-login");
            b.awaitText(testId("me-name"), "Frank Keycloak");
            b.awaitText(testId("connection"), "Connected");
            assertFalse(b.url().contains("code="), "the one-time code is gone from the address: " + b.url());
            b.screenshot("sign-on-02-chat");

            String text = "Signed on through Keycloak " + System.nanoTime();
            b.byId("composer-input").sendKeys(text);
            b.click("composer-send");
            b.until("\"" + text + "\" stored", d -> d.findElements(testId("message")).stream()
                    .anyMatch(row -> !row.getAttribute("data-id").isEmpty()
                            && row.findElement(testId("message-text")).getText().equals(text)));
            assertEquals(List.of(), b.problems());
        }
    }

    @Test
    void aSignOnThatFailedSaysWhyAndLeavesNothingInTheAddress() {
        try (Browser b = Browser.start("refused")) {
            b.open(page + "#signin-error=state");
            b.awaitText(testId("login-notice"), "used already");
            assertFalse(b.url().contains("signin-error"), b.url());
            b.awaitText(testId("sso-start"), "Sign in with Keycloak");
        }
    }
}
