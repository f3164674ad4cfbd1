package dev.parley.errors;

public class Unauthorized extends ParleyException {
    public Unauthorized(String message) {
        super(ErrorCode.UNAUTHORIZED, message);
    }
}
