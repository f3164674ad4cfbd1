package dev.parley.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * WildFly's Undertow cuts every request body at its {@code max-post-size} (10 MB by default), below the
 * 25 MB a file may have, and a body cut there ends the connection before Parley can answer. This raises
 * Undertow's limit for {@code POST /api/files} alone to the file limit plus room for multipart headers;
 * the upload itself counts its bytes and answers 413 past {@code parley.file.max-bytes}
 * ({@code files/control/Uploads}). Registered as an Undertow {@link ServletExtension} (META-INF/services),
 * which only Undertow reads: Payara never loads this class.
 */
public class UndertowUploads implements ServletExtension {
    /** Multipart headers and boundaries around the file's bytes. */
    static final long ROOM_AROUND_THE_FILE = 1 << 20;

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        long limit = maxBytes() + ROOM_AROUND_THE_FILE;
        deployment.addInitialHandlerChainWrapper(next -> exchange -> {
            if (isUpload(exchange)) exchange.setMaxEntitySize(limit);
            next.handleRequest(exchange);
        });
    }

    private static boolean isUpload(HttpServerExchange exchange) {
        return exchange.getRequestMethod().equalToString("POST") && exchange.getRequestPath().endsWith("/api/files");
    }

    private static long maxBytes() {
        return ConfigProvider.getConfig(UndertowUploads.class.getClassLoader()).getValue("parley.file.max-bytes", Long.class);
    }
}
