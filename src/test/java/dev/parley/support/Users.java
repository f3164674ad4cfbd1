package dev.parley.support;

import dev.parley.support.Api.Login;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Fresh users of the shared test server as test method parameters, made in the order the parameters
 * are declared, before the test's first line: {@code void t(@Registered("n_a") Login alice, @Guest("n_b") Login bob)}.
 * The value is the username's prefix ({@link Api#uniqueName}).
 */
public final class Users implements ParameterResolver {
    /** A user who registered with {@link Api#PASSWORD} and logged in. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(Users.class)
    public @interface Registered {
        String value();
    }

    /** A guest: no password hashing, so many users are quick to make. */
    @Target(ElementType.PARAMETER)
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(Users.class)
    public @interface Guest {
        String value();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Login.class
                && (parameter.isAnnotated(Registered.class) || parameter.isAnnotated(Guest.class));
    }

    @Override
    public Login resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Api api = Api.server();
        return parameter.findAnnotation(Registered.class).map(r -> api.registerAndLogin(r.value()))
                .orElseGet(() -> api.guest(parameter.findAnnotation(Guest.class).orElseThrow().value()));
    }
}
