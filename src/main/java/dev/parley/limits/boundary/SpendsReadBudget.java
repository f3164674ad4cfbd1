package dev.parley.limits.boundary;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A REST call that reads at a cost to the server (search, the people directory, joins and leaves): it
 * counts against the caller's read budget ({@link dev.parley.limits.control.ReadBudget}), the one
 * their socket events of that kind take from too; past it, 429 {@code rate_limited}. {@link Budgets}
 * puts it behind the budget.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SpendsReadBudget {
}
