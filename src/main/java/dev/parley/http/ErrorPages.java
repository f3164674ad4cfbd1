package dev.parley.http;

import dev.parley.errors.ErrorBody;
import dev.parley.errors.ErrorCode;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The container's own error responses in the contract's shape. MP-JWT refuses an invalid or expired
 * token before JAX-RS runs, with the container's HTML error page; web.xml routes those here.
 */
@WebServlet("/errors")
public class ErrorPages extends HttpServlet {
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute("jakarta.servlet.error.status_code");
        int code = status instanceof Integer i ? i : 500;
        ErrorBody body = switch (code) {
            case 401 -> ErrorBody.of(ErrorCode.UNAUTHORIZED, "A valid bearer token is required");
            case 403 -> ErrorBody.of(ErrorCode.FORBIDDEN, "Not allowed");
            case 404 -> ErrorBody.of(ErrorCode.NOT_FOUND, "No such resource");
            case 405 -> ErrorBody.of(ErrorCode.INVALID_PAYLOAD, "Method not allowed here");
            default -> ErrorBody.internal();
        };
        response.setStatus(code);
        if (code == 401) response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.JSONB.toJson(body));
    }
}
