package dev.parley.errors;

public class TooLarge extends ParleyException {
    public TooLarge(String message) {
        super(ErrorCode.TOO_LARGE, message);
    }
}
