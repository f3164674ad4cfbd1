package dev.parley.limits.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A REST call that writes (posts, rooms, read markers, edits, reactions, invites): it counts
 * against the caller's write budget ({@link dev.parley.limits.control.WriteBudget}); past it, 429
 * {@code rate_limited}. {@link Budgets} puts it behind the budget.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SpendsWriteBudget {
}
