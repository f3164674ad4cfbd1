package dev.parley.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.support.Api;
import dev.parley.support.Browser;
import dev.parley.support.Server;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The API docs page runs under a Content-Security-Policy, and Swagger UI still works there. */
class DocsPolicyIT {
    @Test
    void theDocsPageHasAContentSecurityPolicy() {
        String policy = Api.server().get("/docs/", null).response().headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("default-src 'none'"), policy);
        assertTrue(policy.contains("script-src 'self'"), policy);
        assertTrue(policy.contains("connect-src 'self'"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertFalse(policy.contains("unsafe-eval"), policy);
        assertFalse(policy.matches(".*script-src[^;]*unsafe-inline.*"), policy);
    }

    @Test
    void swaggerUiRendersAndTriesOutACallUnderThePolicy() {
        try (Browser browser = Browser.start("docs")) {
            browser.open(Server.url() + "/docs/");
            By online = By.cssSelector(".opblock-summary-path[data-path='/api/users/online']");
            browser.click(online);
            browser.click(By.cssSelector(".try-out__btn"));
            browser.click(By.cssSelector(".btn.execute"));
            // Without a token the call is refused, but it was made and its answer shown: the policy let it through.
            browser.awaitElementWithText(By.cssSelector(".live-responses-table .response-col_status"), "401");
            assertEquals(java.util.List.of(), browser.problems());
            browser.screenshot("docs-try-it-out");
        }
    }
}
