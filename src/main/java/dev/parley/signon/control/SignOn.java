package dev.parley.signon.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import dev.parley.errors.NotFound;
import dev.parley.errors.ParleyException;
import dev.parley.signon.entity.PendingSignIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The authorization code flow with PKCE, {@code state} and {@code nonce}: {@link #start} sends the
 * browser to the provider; {@link #callback} checks what comes back, trades the code for tokens,
 * validates the ID token and hands the page a one-time code in the URL fragment (never a token in a
 * URL). No database transaction is held across the calls to the provider.
 */
@ApplicationScoped
public class SignOn {
    private static final Logger LOG = Logger.getLogger(SignOn.class.getName());
    static final Scope SCOPE = new Scope("openid", "profile", "email");

    @Inject
    SignOnSettings settings;

    @Inject
    Provider provider;

    @Inject
    PendingSignIns pending;

    @Inject
    Identities identities;

    /** Where to send the browser, and the secret to set on it in a cookie that the callback must bring back. */
    public record Start(URI location, String browserSecret) {
    }

    /**
     * A new sign-in. {@code serverBase} is this server as the browser reached it (scheme, host and
     * port), for the callback address unless {@code PARLEY_OIDC_REDIRECT_URI} sets it.
     */
    public Start start(String returnTo, String serverBase) {
        requireOn();
        Provider.Known known = provider.require();
        URI redirect = URI.create(settings.redirectUri().orElse(serverBase + "/api/auth/oidc/callback"));
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        String browserSecret = Secrets.random();
        pending.save(new PendingSignIn(state.getValue(), nonce.getValue(), verifier.getValue(), redirect.toString(),
                ReturnPaths.safe(returnTo), Secrets.hash(browserSecret)));
        URI location = new AuthenticationRequest.Builder(ResponseType.CODE, SCOPE, new ClientID(settings.clientId()), redirect)
                .endpointURI(known.metadata().getAuthorizationEndpointURI())
                .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256)
                .build().toURI();
        return new Start(location, browserSecret);
    }

    /** Why a sign-in failed, short, for the page ({@code /#signin-error=...}); nothing is handed out. */
    public enum Failure {
        /** The state is missing, unknown, used, too old, or this browser did not start it. */
        STATE,
        /** The provider answered with an error (the person cancelled, say). */
        PROVIDER,
        /** The code could not be traded, or the ID token did not validate. */
        TOKEN,
        /** The provider cannot be reached. */
        UNAVAILABLE;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Where the browser goes: {@code returnTo#code=...}, or the sign-in page saying why not; and
     * whether this browser's sign-in was spent (its cookie is of no more use then). A callback that
     * matched no sign-in of this browser leaves the cookie be: a forged one must not break the real one.
     */
    public record Outcome(String location, Failure failure, boolean spent) {
        static Outcome failed(Failure failure, boolean spent) {
            return new Outcome("/#signin-error=" + failure.wire(), failure, spent);
        }
    }

    public Outcome callback(String state, String code, String error, String browserSecret) {
        requireOn();
        Optional<PendingSignIn> taken = pending.take(state, browserSecret);
        if (taken.isEmpty()) return Outcome.failed(Failure.STATE, false);
        PendingSignIn signIn = taken.get();
        if (error != null || code == null || code.isBlank()) {
            LOG.info(() -> "Sign-on: the provider answered " + (error != null ? "error " + clip(error) : "without a code"));
            return Outcome.failed(Failure.PROVIDER, true);
        }
        try {
            Provider.Known known = provider.require();
            OIDCTokenResponse tokens = trade(known, code, signIn);
            if (tokens == null) return Outcome.failed(Failure.TOKEN, true);
            JWT idToken = tokens.getOIDCTokens().getIDToken();
            IDTokenClaimsSet claims = known.idTokens().validate(idToken, new Nonce(signIn.nonce()));
            String displayName = claims.getStringClaim("name");
            String preferred = claims.getStringClaim("preferred_username");
            if (displayName == null || preferred == null) {
                UserInfo info = userInfo(known, tokens.getOIDCTokens().getBearerAccessToken(), claims);
                if (info != null) {
                    if (displayName == null) displayName = info.getName();
                    if (preferred == null) preferred = info.getPreferredUsername();
                }
            }
            String sid = claims.getStringClaim("sid");
            String handover = identities.handOver(new Identities.Person(claims.getIssuer().getValue(), claims.getSubject().getValue(),
                    sid, preferred, displayName));
            return new Outcome(signIn.returnTo() + "#code=" + handover, null, true);
        } catch (BadJOSEException | JOSEException e) {
            LOG.log(Level.WARNING, "Sign-on: an ID token did not validate: {0}", e.getMessage());
            return Outcome.failed(Failure.TOKEN, true);
        } catch (ParleyException e) {
            if (e.code() == dev.parley.errors.ErrorCode.UNAVAILABLE) return Outcome.failed(Failure.UNAVAILABLE, true);
            throw e;
        }
    }

    /** The token endpoint's answer to the code, or null (logged) if it refused or could not be reached. */
    private OIDCTokenResponse trade(Provider.Known known, String code, PendingSignIn signIn) {
        TokenRequest request = new TokenRequest(known.metadata().getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(settings.clientId()), new Secret(settings.clientSecret())),
                new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(signIn.redirectUri()),
                        new CodeVerifier(signIn.codeVerifier())));
        try {
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(Provider.TIMEOUT_MS);
            http.setReadTimeout(Provider.TIMEOUT_MS);
            TokenResponse response = OIDCTokenResponseParser.parse(http.send());
            if (!response.indicatesSuccess()) {
                var err = response.toErrorResponse().getErrorObject();
                LOG.warning(() -> "Sign-on: the token endpoint refused the code: " + err.getHTTPStatusCode() + " " + clip(err.getCode()));
                return null;
            }
            return (OIDCTokenResponse) response.toSuccessResponse();
        } catch (IOException | ParseException | ClassCastException e) {
            LOG.log(Level.WARNING, "Sign-on: trading the code at the token endpoint failed: {0}", e.getMessage());
            return null;
        }
    }

    /** The userinfo endpoint's claims about the same subject, or null: names are a nicety, not a reason to fail. */
    private UserInfo userInfo(Provider.Known known, BearerAccessToken accessToken, IDTokenClaimsSet claims) {
        URI endpoint = known.metadata().getUserInfoEndpointURI();
        if (endpoint == null || accessToken == null) return null;
        try {
            HTTPRequest http = new UserInfoRequest(endpoint, accessToken).toHTTPRequest();
            http.setConnectTimeout(Provider.TIMEOUT_MS);
            http.setReadTimeout(Provider.TIMEOUT_MS);
            UserInfoResponse response = UserInfoResponse.parse(http.send());
            if (!response.indicatesSuccess()) return null;
            UserInfo info = response.toSuccessResponse().getUserInfo();
            return claims.getSubject().equals(info.getSubject()) ? info : null; // OpenID Connect Core 5.3.2
        } catch (IOException | ParseException e) {
            LOG.log(Level.INFO, "Sign-on: the userinfo endpoint did not answer: {0}", e.getMessage());
            return null;
        }
    }

    private void requireOn() {
        if (!settings.on()) throw new NotFound("Sign-on is not set up on this server");
    }

    /** What the provider wrote, kept short and printable for a log line. */
    private static String clip(String text) {
        if (text == null) return "";
        String printable = text.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 80 ? printable.substring(0, 80) : printable;
    }
}
