package io.halqe.aws.http;

import io.halqe.domain.core.Problem;

/**
 * A request the route cannot serve, found while reading it (a bad query, body or header): the router answers it as
 * {@code {"error":{"code","message","field"}}} with its status, so a route reads its input without error plumbing.
 */
public final class HttpProblem extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    public HttpProblem(int status, String code, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    /** A 400 for a domain validation problem: its field, and the field and message as the message. */
    public static HttpProblem invalid(String code, Problem problem) {
        return new HttpProblem(400, code, problem.describe(), problem.field());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
