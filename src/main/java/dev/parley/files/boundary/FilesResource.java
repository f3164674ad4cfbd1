package dev.parley.files.boundary;

import dev.parley.Parley;
import dev.parley.errors.Forbidden;
import dev.parley.errors.NotFound;
import dev.parley.errors.Unauthorized;
import dev.parley.files.control.FileAccess;
import dev.parley.files.control.FileLinks.Target;
import dev.parley.files.control.FileNames;
import dev.parley.files.control.FileStore;
import dev.parley.files.control.FileViews;
import dev.parley.files.control.Pictures;
import dev.parley.files.control.Uploads;
import dev.parley.files.entity.FileView;
import dev.parley.files.entity.StoredFile;
import dev.parley.http.Caller;
import dev.parley.sessions.control.Sessions;
import dev.parley.sessions.control.Tokens;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Uploads and downloads. An upload needs a bearer token; a download takes a bearer token or a signed link
 * ({@link FileViews}), so that a page can put a file in {@code <img src>}: the token is then checked here,
 * as the endpoint cannot be {@code @RolesAllowed}.
 */
@Path("files")
@RequestScoped
@FileHeaders.Sandboxed
@Tag(ref = "files")
public class FilesResource {
    @Inject
    Caller caller;

    @Inject
    Uploads uploads;

    @Inject
    FileAccess access;

    @Inject
    FileViews views;

    @Inject
    FileStore store;

    @Inject
    Tokens tokens;

    @Inject
    Sessions sessions;

    /** The {@code {file}} envelope. */
    public record Uploaded(FileView file) {
    }

    @POST
    @RolesAllowed(Caller.ROLE)
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = Parley.BEARER)
    @Operation(operationId = "uploadFile", summary = "Upload a file (raw bytes, or multipart/form-data with a part named file)")
    @APIResponse(responseCode = "201", description = "The stored file, attached to nothing yet",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Uploaded.class)))
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    public Response upload(@Parameter(description = "The file's name; with multipart, the part's filename when absent") @QueryParam("name") String name,
                           @Context HttpHeaders headers, InputStream body) throws IOException {
        long userId = caller.userId();
        uploads.spend(userId);
        String type = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        InputStream received = new ReceivedBody(body, headers.getLength());
        UploadBody upload = UploadBody.isMultipart(type) ? UploadBody.multipart(type, received) : UploadBody.raw(received);
        String cleaned = FileNames.clean(name != null && !name.isEmpty() ? name : upload.filename());
        long declared = upload.filename() == null && !UploadBody.isMultipart(type) ? headers.getLength() : -1;
        long room = uploads.room(userId, declared);
        FileView file = uploads.receive(userId, cleaned, upload.bytes(), room);
        return Response.created(URI.create("/api/files/" + file.id())).entity(new Uploaded(file)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "downloadFile", summary = "A file's bytes, to its uploader and whoever may read a message it is attached to")
    @APIResponse(responseCode = "200", description = "The bytes", content = @Content(mediaType = MediaType.WILDCARD,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "206", description = "The range asked for")
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match named its ETag)")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "416", description = "The range cannot be met")
    @SecurityRequirement(name = Parley.BEARER)
    public Response file(@PathParam("id") String id, @QueryParam("exp") String exp, @QueryParam("sig") String sig,
                         @Context HttpHeaders headers) {
        StoredFile file = opened(id, Target.FILE, exp, sig, headers);
        boolean inline = Pictures.isPicture(file.contentType());
        return new Download(store, file.storeKey(), file.size(), file.contentType(), '"' + file.sha256() + '"',
                Disposition.of(file.name(), inline)).answer(headers);
    }

    @GET
    @Path("{id}/thumbnail")
    @Operation(operationId = "downloadThumbnail", summary = "A picture's thumbnail, at most 400 px on its longer side")
    @APIResponse(responseCode = "200", description = "The thumbnail (JPEG or PNG)", content = @Content(mediaType = "image/*",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match named its ETag)")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @SecurityRequirement(name = Parley.BEARER)
    public Response thumbnail(@PathParam("id") String id, @QueryParam("exp") String exp, @QueryParam("sig") String sig,
                              @Context HttpHeaders headers) {
        StoredFile file = opened(id, Target.THUMBNAIL, exp, sig, headers);
        if (file.thumbnailKey() == null) throw new NotFound("No such thumbnail");
        return new Download(store, file.thumbnailKey(), file.thumbnailSize(), file.thumbnailType(),
                "\"" + file.sha256() + "-thumbnail\"", Disposition.of(file.name(), true)).answer(headers);
    }

    /**
     * The file, if this request may read it: a bearer token (always honoured) of someone who may, or else a
     * valid signed link for it; {@code not_found} to a reader who may not, {@code forbidden} for a link
     * that is expired or altered (whether or not the file exists), {@code unauthorized} with neither.
     */
    private StoredFile opened(String id, Target target, String exp, String sig, HttpHeaders headers) {
        long fileId = parseId(id);
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            long userId = bearer(authorization);
            if (fileId < 0) throw new NotFound("No such file");
            return access.readable(userId, fileId);
        }
        if (exp != null || sig != null) {
            if (fileId < 0 || !views.opens(fileId, target, exp, sig)) {
                throw new Forbidden("This link has expired or is not valid; ask for the file again");
            }
            return access.existing(fileId);
        }
        throw new Unauthorized("A bearer token or a signed link is required");
    }

    /** The user of a live session's token; MP-JWT does not look at tokens on an endpoint open to links. */
    private long bearer(String authorization) {
        String value = authorization.strip();
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) throw new Unauthorized("A bearer token is required");
        String token = value.substring(7).strip();
        Tokens.Claims claims = tokens.verify(token);
        sessions.requireLive(claims.sessionId(), token);
        return claims.userId();
    }

    private static long parseId(String id) {
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(c -> c >= '0' && c <= '9')) return -1;
        return Long.parseLong(id);
    }
}
