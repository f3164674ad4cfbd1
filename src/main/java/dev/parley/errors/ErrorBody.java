package dev.parley.errors;

/** The contract's error shape: {@code {"error": {"code": "...", "message": "..."}}}. */
public record ErrorBody(Detail error) {
    public record Detail(String code, String message) {
    }

    public static ErrorBody of(ErrorCode code, String message) {
        return new ErrorBody(new Detail(code.wire(), message));
    }

    public static ErrorBody of(ParleyException e) {
        return of(e.code(), e.getMessage());
    }

    public static ErrorBody internal() {
        return of(ErrorCode.INTERNAL, "Something went wrong on the server");
    }
}
