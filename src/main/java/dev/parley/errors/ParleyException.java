package dev.parley.errors;

/**
 * A failure the client is told about, in the contract's shape. Its message is written for the
 * client: it never carries SQL, class names or secrets. One subclass per contract code.
 */
public abstract class ParleyException extends RuntimeException {
    private final ErrorCode code;

    protected ParleyException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
