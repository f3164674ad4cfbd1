package dev.parley.errors;

public class RateLimited extends ParleyException {
    public RateLimited(String message) {
        super(ErrorCode.RATE_LIMITED, message);
    }
}
