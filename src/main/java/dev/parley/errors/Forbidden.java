package dev.parley.errors;

public class Forbidden extends ParleyException {
    public Forbidden(String message) {
        super(ErrorCode.FORBIDDEN, message);
    }
}
