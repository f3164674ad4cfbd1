package dev.parley.sessions.entity;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The contract's {@code session} object. */
@Schema(name = "Session", description = "One login: its token is refused everywhere once the session ends")
public record SessionView(@Schema(example = "3f1c2a9e-5b7d-4e0a-9c1f-2d8b6a4e7c10") String id, Instant createdAt,
                          @Schema(description = "Updated at most once a minute") Instant lastSeenAt,
                          Instant expiresAt,
                          @Schema(example = "Mozilla/5.0") String userAgent,
                          @Schema(example = "203.0.113.7") String ip,
                          @Schema(description = "true on the session of the token that asked") boolean current,
                          @Schema(type = SchemaType.INTEGER, format = "int32", description = "Sockets of this session connected to this node", example = "1")
                          int connections) {

    public static SessionView of(Session s, String currentId, int connections) {
        return new SessionView(s.id(), s.createdAt(), s.lastSeenAt(), s.expiresAt(), s.userAgent(), s.ip(),
                s.id().equals(currentId), connections);
    }
}
