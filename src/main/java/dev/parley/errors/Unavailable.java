package dev.parley.errors;

public class Unavailable extends ParleyException {
    public Unavailable(String message) {
        super(ErrorCode.UNAVAILABLE, message);
    }
}
