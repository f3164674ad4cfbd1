package dev.parley.errors;

public class Conflict extends ParleyException {
    public Conflict(String message) {
        super(ErrorCode.CONFLICT, message);
    }
}
