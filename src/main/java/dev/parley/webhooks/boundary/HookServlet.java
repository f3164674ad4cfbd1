package dev.parley.webhooks.boundary;

import dev.parley.errors.DatabaseDown;
import dev.parley.errors.ErrorBody;
import dev.parley.errors.ErrorCode;
import dev.parley.errors.NotFound;
import dev.parley.errors.ParleyException;
import dev.parley.errors.TooLarge;
import dev.parley.errors.Unavailable;
import dev.parley.http.Json;
import dev.parley.webhooks.control.WebhookBudget;
import dev.parley.webhooks.control.WebhookPosts;
import dev.parley.webhooks.entity.Webhook;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code POST /hooks/{id}/{secret}}: what CI jobs, monitors and Slack-style tools call, without a
 * token. A servlet rather than a resource, since the REST API lives under {@code /api} and its
 * filters (bearer tokens, per-user budgets) do not apply here. In order: the webhook by id and
 * secret ({@code not_found} for either wrong), its budget, the body (at most the REST body limit),
 * then the post.
 */
@WebServlet("/hooks/*")
public class HookServlet extends HttpServlet {
    private static final Logger LOG = Logger.getLogger(HookServlet.class.getName());
    /** A secret is URL-safe Base64; anything else cannot be one. */
    private static final Pattern PATH = Pattern.compile("/(\\d{1,18})/([A-Za-z0-9_-]{1,128})/?");

    /** What a post is answered: {@code {ok: true, id}}, the new message's id, as Slack-style callers expect an ok. */
    public record Answer(boolean ok, long id) { // public: JSON-B reads only public accessors
    }

    @Inject
    WebhookPosts posts;

    @Inject
    WebhookBudget budget;

    @Inject
    @ConfigProperty(name = "parley.rest.max-body")
    int maxBody;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            Matcher path = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
            if (!path.matches()) throw new NotFound("No such webhook");
            Webhook hook = posts.authenticate(Long.parseLong(path.group(1)), path.group(2));
            posts.spend(hook);
            String text = HookPayload.text(request.getContentType(), body(request));
            write(response, 200, new Answer(true, posts.post(hook, text)));
        } catch (ParleyException refused) {
            if (refused.code() == ErrorCode.RATE_LIMITED) response.setHeader("Retry-After", Long.toString(budget.retryAfterSeconds()));
            write(response, refused.code().status(), ErrorBody.of(refused));
        } catch (RuntimeException failure) {
            Unavailable down = DatabaseDown.recognise(failure);
            if (down != null) {
                write(response, down.code().status(), ErrorBody.of(down));
            } else {
                LOG.log(Level.SEVERE, "Unhandled failure in a webhook post", failure);
                write(response, 500, ErrorBody.internal());
            }
        }
    }

    /**
     * The body as text, or {@code too_large} past the limit: a declared length over it is refused
     * unread, a declared length read exactly (never waiting for more: a client asking for an h2c
     * upgrade left Grizzly's stream open past it), a body of unknown length read one byte past it.
     */
    private String body(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBody) throw tooLarge();
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(declared >= 0 ? (int) declared : maxBody + 1);
            if (bytes.length > maxBody) throw tooLarge();
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private TooLarge tooLarge() {
        return new TooLarge("The request body is larger than " + maxBody + " bytes");
    }

    private static void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.JSONB.toJson(body));
    }
}
