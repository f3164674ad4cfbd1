package dev.parley.sessions.boundary;

import dev.parley.sessions.control.AccessTokens;
import dev.parley.sessions.entity.AccessTokenView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A token to make, and the token made (shown this once). */
final class NewToken {
    private NewToken() {
    }

    @Schema(name = "NewAccessToken", description = "A name, and when the token expires (absent: never)")
    public record Request(@Schema(description = "1 to 64 characters", example = "backup script") String name,
                          @Schema(description = "ISO-8601, in the future; absent: never", example = "2027-01-31T12:00:00Z") String expiresAt) {
    }

    @Schema(name = "IssuedAccessToken", description = "The token, shown this once, and what is kept of it")
    public record Issued(@Schema(description = "Send it as `Authorization: Bearer <token>`, or as `auth: {token}` when connecting a socket",
            example = "eyJraWQiOiJ...") String token, AccessTokenView info) {

        static Issued of(AccessTokens.Issued issued) {
            return new Issued(issued.token(), NewToken.info(issued.session()));
        }
    }

    static AccessTokenView info(dev.parley.sessions.entity.Session token) {
        return AccessTokenView.of(token, AccessTokens.shownExpiry(token));
    }
}
