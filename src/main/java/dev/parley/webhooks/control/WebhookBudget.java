package dev.parley.webhooks.control;

import dev.parley.errors.RateLimited;
import dev.parley.limits.control.RateLimits;
import dev.parley.limits.entity.Buckets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Posts per webhook: a token bucket of its own (not its creator's write budget, which a busy CI job
 * would otherwise drain), counted across the cluster like the other limits ({@link RateLimits}).
 */
@ApplicationScoped
public class WebhookBudget {
    @Inject
    RateLimits limits;

    private Buckets<Long> byWebhook;
    private long retryAfterSeconds;

    @Inject
    void size(@ConfigProperty(name = "parley.webhook.rate.burst") int burst,
              @ConfigProperty(name = "parley.webhook.rate.per-second") double perSecond) {
        byWebhook = limits.buckets("webhook-posts", burst, perSecond);
        retryAfterSeconds = Math.max(1, (long) Math.ceil(1 / perSecond));
    }

    /** Counts one post of the webhook, or {@link RateLimited} past its budget. */
    public void spend(long webhookId) {
        if (!byWebhook.take(webhookId)) throw new RateLimited("This webhook posts too often; slow down");
    }

    /** How long until a refused webhook has a post again: what {@code Retry-After} says. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
