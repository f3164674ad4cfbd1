package dev.parley.http;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Endpoints that a personal access token may not call, reading or writing: they manage the account's
 * sign-in itself (sessions, tokens, bots, password, deletion), which needs a person logged in.
 * {@link LoginSessionOnlyFilter} answers {@code forbidden}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface LoginSessionOnly {
}
