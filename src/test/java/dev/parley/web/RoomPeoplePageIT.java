package dev.parley.web;

import static dev.parley.support.Browser.testId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Api.Login;
import dev.parley.support.Api.Reply;
import dev.parley.support.Browser;
import dev.parley.support.Server;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.junit.jupiter.api.Test;

/**
 * Private rooms, invitations and moderation in the web page, in headless Chromium, one browser per
 * person: creating a private room, inviting with name completion, accepting the invitation, roles in
 * the member list, making a moderator, deleting another's message, removing and banning, and the
 * removed person's page leaving the room with a notice.
 */
class RoomPeoplePageIT {
    private final Api api = Api.server();

    private static void awaitToast(Browser browser, String containing) {
        browser.until("a toast with \"" + containing + "\"", d -> d.findElements(testId("toast")).stream()
                .anyMatch(t -> t.getText().contains(containing)));
    }

    private static WebElement inMember(Browser browser, String username, String testId) {
        return browser.until(testId + " of " + username, d -> d.findElement(testId("member-" + username)).findElement(testId(testId)));
    }

    @Test
    void anOwnerMakesAPrivateRoomInvitesModeratesAndTheRemovedPageLeavesTheRoom() {
        String alice = Api.uniqueName("pp_alice");
        String bob = Api.uniqueName("pp_bob");
        String room = Api.uniqueRoom("pp_room");
        Login carol = api.guest("pp_carol");
        try (Browser a = Browser.start("people-owner"); Browser b = Browser.start("people-invitee")) {
            a.signInAsGuest(Server.url() + "/", alice);
            b.signInAsGuest(Server.url() + "/", bob);

            // Alice creates a private room: it opens, and Bob's page hears nothing of it.
            a.click("browse-rooms");
            a.type("room-name", room);
            a.clickTestId("room-private");
            a.click("create-room-submit");
            a.awaitText(testId("view-title"), "# " + room);

            // She invites Bob, the name completed from who is online.
            a.clickTestId("room-people");
            a.await(testId("member-" + alice));
            assertEquals("owner", inMember(a, alice, "role").getText());
            WebElement name = a.byTestId("invite-name");
            name.sendKeys(bob.substring(0, 8));
            a.until("the name offered", d -> d.findElements(By.cssSelector("#invite-names option")).stream()
                    .anyMatch(o -> bob.equals(o.getAttribute("value"))));
            name.sendKeys(bob.substring(8));
            a.clickTestId("invite-submit");
            awaitToast(a, "is invited to #" + room);
            a.script("document.getElementById('people-dialog').close()");

            // Bob is told, and accepts the invitation from the rooms list.
            awaitToast(b, "You were invited to #" + room);
            b.click("browse-rooms");
            b.await(testId("invited-" + room));
            b.awaitText(testId("join-" + room), "Accept invitation");
            b.clickTestId("join-" + room);
            b.awaitText(testId("view-title"), "# " + room);

            // Alice sees Bob as a member and makes him a moderator.
            a.clickTestId("room-people");
            a.script("arguments[0].click()", inMember(a, bob, "make-moderator"));
            a.until("bob a moderator", d -> inMember(a, bob, "role").getText().equals("moderator"));
            a.script("document.getElementById('people-dialog').close()");

            // Carol, invited from Alice's page, joins over REST and writes; Alice deletes it from her page.
            a.clickTestId("room-people");
            a.byTestId("invite-name").sendKeys(carol.username());
            a.clickTestId("invite-submit");
            awaitToast(a, "@" + carol.username() + " is invited");
            a.script("document.getElementById('people-dialog').close()");
            api.join(carol, room);
            long spam = api.postMessage(carol, room, "spam from carol");
            By spamRow = By.cssSelector("#message-list li[data-id='" + spam + "']");
            a.await(spamRow);
            for (int click = 0; click < 2; click++) { // the second click confirms
                WebElement delete = a.until("delete", d -> d.findElement(spamRow).findElement(testId("action-delete")));
                a.script("arguments[0].click()", delete);
            }
            a.awaitText(By.cssSelector("#message-list li[data-id='" + spam + "'] [data-testid='message-text']"), "This message was deleted.");

            // Alice removes Bob: his page leaves the room and says so. Then she bans Carol.
            a.clickTestId("room-people");
            a.script("arguments[0].click()", inMember(a, bob, "remove-member"));
            b.awaitText(testId("removed-notice"), "You were removed from #" + room);
            b.awaitText(testId("view-title"), "# feed");
            assertTrue(b.all(testId("conv-room:" + room)).isEmpty(), "the room left Bob's sidebar");
            a.script("arguments[0].click()", inMember(a, carol.username(), "ban-member"));
            a.awaitGone(testId("member-" + carol.username()));
            Reply back = api.put("/api/rooms/" + room + "/members/me", carol.token());
            assertEquals(403, back.status(), back.body());

            a.screenshot("30-room-people");
            b.screenshot("31-removed");
            assertEquals(List.of(), a.problems(), "problems in the owner's page");
            assertEquals(List.of(), b.problems(), "problems in the removed person's page");
        }
    }
}
