package dev.parley.errors;

public class InvalidPayload extends ParleyException {
    public InvalidPayload(String message) {
        super(ErrorCode.INVALID_PAYLOAD, message);
    }
}
