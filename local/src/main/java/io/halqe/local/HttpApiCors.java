package io.halqe.local;

import com.sun.net.httpserver.HttpExchange;
import io.halqe.local.runtime.LocalResolver;
import io.halqe.local.runtime.SamTemplate;
import java.util.List;
import java.util.Map;

/** The HttpApi's CorsConfiguration, answered the way API Gateway does. */
record HttpApiCors(boolean enabled, List<String> origins, List<String> methods, List<String> headers) {

    static final HttpApiCors NONE = new HttpApiCors(false, List.of(), List.of(), List.of());

    /** The first {@code AWS::Serverless::HttpApi} with a CorsConfiguration, else {@link #NONE}. */
    static HttpApiCors of(SamTemplate template, LocalResolver resolver) {
        for (String id : template.resourcesOfType("AWS::Serverless::HttpApi").keySet()) {
            Object configuration = resolver.resolve(template.properties(id).get("CorsConfiguration"));
            if (configuration instanceof Map<?, ?> map) {
                return new HttpApiCors(true, strings(map.get("AllowOrigins")), strings(map.get("AllowMethods")),
                        strings(map.get("AllowHeaders")));
            }
        }
        return NONE;
    }

    private static List<String> strings(Object value) {
        return SamTemplate.list(value).stream().map(String::valueOf).toList();
    }

    private boolean allows(String origin) {
        return origins.contains("*") || origins.contains(origin);
    }

    /** The headers of a preflight's answer; none for an origin the configuration does not allow. */
    void preflight(HttpExchange exchange, String origin) {
        if (!allows(origin)) {
            return;
        }
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origins.contains("*") ? "*" : origin);
        exchange.getResponseHeaders().set("Access-Control-Allow-Methods", String.join(",", methods));
        if (!headers.isEmpty()) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Headers", String.join(",", headers));
        }
    }

    /** Allow-Origin on an actual response, errors included, as API Gateway adds it. */
    void apply(HttpExchange exchange, String origin) {
        if (enabled && origin != null && allows(origin)) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origins.contains("*") ? "*" : origin);
        }
    }
}
