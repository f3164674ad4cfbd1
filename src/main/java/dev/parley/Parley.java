package dev.parley;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The REST API under {@code /api}. MP-JWT verifies bearer tokens; {@code @ApplicationScoped} is
 * needed beside {@code @LoginConfig} or Payara fails the deployment (WELD-001408).
 */
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles(Parley.USER_ROLE)
@ApplicationScoped
public class Parley extends Application {
    /** The one role every signed-in caller has; tokens carry it as their only group. */
    public static final String USER_ROLE = "user";
}
