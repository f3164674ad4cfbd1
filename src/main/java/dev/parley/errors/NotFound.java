package dev.parley.errors;

public class NotFound extends ParleyException {
    public NotFound(String message) {
        super(ErrorCode.NOT_FOUND, message);
    }
}
