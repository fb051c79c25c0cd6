package io.halqe.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code --record-answers FILE}: each answer of an HttpApi route, one JSON line — method, the matched route, path,
 * status, content type, and the body when it is JSON (an export's CSV is held to its type only) — so tests can hold
 * what the API answered to its description, openapi.yaml. Off by default; a line is written as the answer goes.
 */
final class AnswerLog implements AutoCloseable {

    private final BufferedWriter out;

    private AnswerLog(BufferedWriter out) {
        this.out = out;
    }

    static Optional<AnswerLog> open(Optional<Path> file) {
        return file.map(path -> {
            try {
                return new AnswerLog(Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the answer log " + path, e);
            }
        });
    }

    /** {@code byGateway}: API Gateway's own answer (an authorizer's 401), not the function's. */
    void record(String method, String routeKey, String path, int status, String contentType, byte[] body,
                boolean byGateway) {
        ObjectNode line = Json.MAPPER.createObjectNode().put("method", method).put("route", routeKey).put("path", path)
                .put("status", status).put("contentType", contentType).put("byGateway", byGateway);
        String media = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        // one JSON document (not NDJSON, whose lines are an export's, held to its type only)
        if ((media.equals("application/json") || media.endsWith("+json")) && body.length > 0) {
            line.put("body", new String(body, StandardCharsets.UTF_8));
        }
        String text = line.toString();
        synchronized (this) {
            try {
                out.write(text);
                out.newLine();
                // written through, so a reader sees every answer even if the process is stopped abruptly
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
