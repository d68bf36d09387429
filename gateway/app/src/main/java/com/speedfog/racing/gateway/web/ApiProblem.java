package com.speedfog.racing.gateway.web;

import org.springframework.http.HttpStatus;

/** An error the gateway itself answers with: an HTTP status, a stable code and a sentence. */
public class ApiProblem extends RuntimeException {
    private final HttpStatus status;
    private final String code;

    public ApiProblem(HttpStatus status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiProblem notFound(String code, String message) {
        return new ApiProblem(HttpStatus.NOT_FOUND, code, message);
    }

    public static ApiProblem forbidden(String message) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", message);
    }

    public static ApiProblem invalid(String code, String message) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, code, message);
    }

    public static ApiProblem conflict(String code, String message) {
        return new ApiProblem(HttpStatus.CONFLICT, code, message);
    }
}
