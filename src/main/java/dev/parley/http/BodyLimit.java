package dev.parley.http;

import dev.parley.errors.ErrorBody;
import dev.parley.errors.ErrorCode;
import dev.parley.errors.RestErrors;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * REST request bodies are JSON of a few hundred bytes; anything over {@code parley.rest.max-body} is
 * {@code too_large} (413) before a byte of it is parsed. A declared Content-Length is refused unread;
 * a body of unknown length (chunked) is read up to one byte past the limit, never further. Without
 * this, Jersey read and parsed a 20 MB body whole. File uploads ({@code POST /api/files}) are left to the files
 * component, which streams them to disk under limits of their own.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class BodyLimit implements ContainerRequestFilter {
    @Inject
    @ConfigProperty(name = "parley.rest.max-body")
    int maxBody;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (isUpload(request)) return; // streamed and counted against the file limits (files/control/Uploads)
        int length = request.getLength();
        if (length > maxBody) {
            refuse(request);
        } else if (length < 0 && request.hasEntity()) {
            byte[] head = request.getEntityStream().readNBytes(maxBody + 1);
            if (head.length > maxBody) {
                refuse(request);
            } else {
                request.setEntityStream(new ByteArrayInputStream(head));
            }
        }
    }

    /** {@code POST /api/files}: a file's bytes, never read whole. */
    private static boolean isUpload(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return "POST".equals(request.getMethod()) && (path.equals("files") || path.equals("/files"));
    }

    private void refuse(ContainerRequestContext request) {
        request.abortWith(RestErrors.respond(413, ErrorBody.of(ErrorCode.TOO_LARGE,
                "The request body is larger than " + maxBody + " bytes")));
    }
}
