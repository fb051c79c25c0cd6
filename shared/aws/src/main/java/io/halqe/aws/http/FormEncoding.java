package io.halqe.aws.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} (form bodies, query strings) decoded to its pairs, in order and with
 * repeats kept: what a repeated name means (a list, a comma-joined value) is the caller's to say. A broken escape is
 * a 400 ({@link HttpProblem}).
 */
public final class FormEncoding {

    private FormEncoding() {
    }

    public static List<Map.Entry<String, String>> pairs(String encoded) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) {
            return pairs;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                pairs.add(Map.entry(name, value));
            } catch (IllegalArgumentException badEscape) {
                throw new HttpProblem(400, "invalid_encoding", "not valid URL encoding (a % not followed by two hex digits)",
                        null);
            }
        }
        return pairs;
    }
}
