package dev.parley.files.boundary;

import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every answer of the files endpoints, errors included, is no-sniff and sandboxed: a stored file is
 * whatever someone uploaded (HTML, SVG, a script), and must never run as this site's page, whatever a
 * browser makes of it.
 */
@Provider
@FileHeaders.Sandboxed
public class FileHeaders implements ContainerResponseFilter {
    static final String POLICY = "default-src 'none'; sandbox";

    @NameBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface Sandboxed {
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        response.getHeaders().putSingle("Content-Security-Policy", POLICY);
    }
}
