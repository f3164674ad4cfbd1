package dev.parley.web;

import static dev.parley.support.Browser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Browser;
import dev.parley.support.Server;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What changes reaches open pages, in headless Chromium, one browser per person: the owner changes
 * the topic and the other page shows it without reloading; the owner names the other a moderator and
 * their page offers a moderator's controls at once; a new display name shows on the other page, on
 * the messages it shows already. The settings work at a phone's width.
 */
class RoomSettingsPageIT {

    @Test
    void aTopicARoleAndADisplayNameReachTheOtherPageWithoutReloading() {
        String alice = Api.uniqueName("rs_alice");
        String bob = Api.uniqueName("rs_bob");
        String room = Api.uniqueRoom("rs_room");
        try (Browser a = Browser.start("settings-owner"); Browser b = Browser.start("settings-member")) {
            a.signInAsGuest(Server.url() + "/", alice);
            b.signInAsGuest(Server.url() + "/", bob);

            a.click("browse-rooms");
            a.type("room-name", room);
            a.click("create-room-submit");
            a.awaitText(testId("view-title"), "# " + room);
            b.joinFromRoomsList(room);
            b.awaitText(testId("view-title"), "# " + room);
            b.resize(390, 844); // a phone, from here on: the sidebar is a drawer
            assertTrue(b.all(testId("room-settings")).stream().noneMatch(WebElement::isDisplayed), "a member has no settings");

            // Bob writes; Alice's page shows his message under his name.
            b.type("composer-input", "hello from bob");
            b.script("document.getElementById('composer').requestSubmit()");
            By bobsName = By.cssSelector("#message-list li[data-from='" + bob + "'] [data-testid='message-from']");
            a.awaitText(bobsName, bob);

            // Alice sets the topic: Bob's header shows it, nobody reloads.
            a.clickTestId("room-settings");
            a.type("settings-topic", "Release planning");
            a.clickTestId("settings-submit");
            a.awaitGone(testId("settings-dialog"));
            a.awaitText(By.id("view-sub"), "Release planning");
            b.awaitText(By.id("view-sub"), "Release planning");

            // Alice names Bob moderator: his page offers the moderator's controls at once.
            a.clickTestId("room-people");
            WebElement makeModerator = a.until("bob's make-moderator",
                    d -> d.findElement(testId("member-" + bob)).findElement(testId("make-moderator")));
            a.script("arguments[0].click()", makeModerator);
            a.until("bob a moderator", d -> d.findElement(testId("member-" + bob)).findElement(testId("role")).getText().equals("moderator"));
            a.script("document.getElementById('people-dialog').close()");
            b.await(testId("room-settings"));
            b.clickTestId("room-people");
            b.await(testId("invite-name"));
            b.script("document.getElementById('people-dialog').close()");

            // A moderator changes the topic too, but not the retention, at a phone's width.
            b.clickTestId("room-settings");
            assertTrue(b.all(testId("settings-retention")).stream().noneMatch(WebElement::isDisplayed), "retention is the owner's");
            b.type("settings-topic", "Ship it");
            b.screenshot("41-room-settings-phone");
            b.clickTestId("settings-submit");
            a.awaitText(By.id("view-sub"), "Ship it");

            // The owner keeps messages for 90 days.
            a.clickTestId("room-settings");
            a.script("arguments[0].value = 'P90D'; arguments[0].dispatchEvent(new Event('change'))", a.byTestId("settings-retention"));
            a.clickTestId("settings-submit");
            a.awaitGone(testId("settings-dialog"));
            a.clickTestId("room-settings");
            a.until("the retention kept", d -> "P90D".equals(d.findElement(testId("settings-retention")).getAttribute("value")));
            a.script("document.getElementById('settings-dialog').close()");

            // Bob takes a new display name: Alice's page shows it on his message already there.
            b.script("document.getElementById('open-account').click()"); // in the closed drawer
            b.type("profile-display-name", "Bob the Builder");
            b.clickTestId("profile-save");
            a.awaitText(bobsName, "Bob the Builder");

            a.screenshot("40-room-settings-owner");
            b.screenshot("42-renamed-phone");
            assertEquals(List.of(), a.problems(), "problems in the owner's page");
            assertEquals(List.of(), b.problems(), "problems in the member's page");
        }
    }
}
