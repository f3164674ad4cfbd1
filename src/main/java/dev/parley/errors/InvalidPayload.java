package dev.parley.errors;

public class InvalidPayload extends ParleyException {
    public InvalidPayload(String message) {
        super(ErrorCode.INVALID_PAYLOAD, message);
    }

    /** A REST call's JSON body, or {@code invalid_payload} when it sent none: one message for every endpoint. */
    public static <T> T requireBody(T body) {
        if (body == null) throw new InvalidPayload("A JSON body is required");
        return body;
    }
}
