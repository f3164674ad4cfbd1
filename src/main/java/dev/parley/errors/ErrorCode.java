package dev.parley.errors;

/** The contract's error codes and the HTTP status each maps to. */
public enum ErrorCode {
    INVALID_PAYLOAD(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    CONFLICT(409),
    TOO_LARGE(413),
    RATE_LIMITED(429),
    UNAVAILABLE(503),
    INTERNAL(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The code as it is written on the wire: {@code invalid_payload}, {@code not_found}, ... */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
