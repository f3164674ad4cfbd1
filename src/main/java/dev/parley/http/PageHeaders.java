package dev.parley.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers. Every response is no-sniff, never framed and sends no referrer; the web page
 * also gets a Content-Security-Policy that allows only its own scripts, styles and connections (it
 * has no inline script or style), and its files are revalidated so that an upgrade shows at once.
 * The API docs (Swagger UI) get a policy of their own: the same, with the {@code data:} images and
 * fonts Swagger UI draws its icons with; its "Try it out" calls this server only (DocsPolicyIT runs it).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class PageHeaders extends HttpFilter {
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String DOCS_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.isEmpty() || path.equals("/") || path.equals("/index.html")) {
            response.setHeader("Content-Security-Policy", PAGE_POLICY);
        } else if (path.equals("/docs") || path.startsWith("/docs/")) {
            response.setHeader("Content-Security-Policy", DOCS_POLICY);
        }
        if (path.isEmpty() || path.equals("/") || path.equals("/index.html") || path.startsWith("/app/") || path.startsWith("/vendor/")) {
            response.setHeader("Cache-Control", "no-cache");
        }
        chain.doFilter(request, response);
    }
}
