package dev.parley.files.control;

import dev.parley.limits.control.RateLimits;
import dev.parley.limits.entity.Buckets;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Uploads per user (contract: 30 at once, then 1 a second), a budget of their own beside the REST write
 * budget: an upload costs the server a temporary file, a type detection and, for a picture, a decode. On a
 * cluster the buckets are the grid's, so a user spreading uploads over nodes gets one budget.
 */
@ApplicationScoped
public class UploadBudget {
    @Inject
    RateLimits limits;

    @Inject
    @ConfigProperty(name = "parley.file.upload.burst")
    int burst;

    @Inject
    @ConfigProperty(name = "parley.file.upload.per-second")
    double perSecond;

    private Buckets<Long> byUser;

    @PostConstruct
    void size() {
        byUser = limits.buckets("uploads", burst, perSecond);
    }

    /** Whether the user may upload one more file now (and if so, it is counted). */
    public boolean take(long userId) {
        return byUser.take(userId);
    }
}
