package io.halqe.local.auth;

import io.halqe.local.runtime.LocalResolver;
import io.halqe.local.runtime.SamTemplate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The template's HttpApi JWT authorizers, emulated: each checks tokens of the local issuer, which poses as the issuer
 * and client the (first) authorizer names — so a token made locally passes exactly where a Cognito token would.
 */
public final class LocalSignIn {

    private final LocalIssuer issuer;
    private final Map<String, JwtAuthorizer> authorizers;

    private LocalSignIn(LocalIssuer issuer, Map<String, JwtAuthorizer> authorizers) {
        this.issuer = issuer;
        this.authorizers = Map.copyOf(authorizers);
    }

    public static LocalSignIn of(SamTemplate template, LocalResolver resolver, List<LocalUser> users, Clock clock) {
        Map<String, Map<?, ?>> configurations = new LinkedHashMap<>();
        for (String api : template.resourcesOfType("AWS::Serverless::HttpApi").keySet()) {
            Map<String, Object> auth = SamTemplate.map(template.properties(api).get("Auth"));
            SamTemplate.map(auth.get("Authorizers")).forEach((name, authorizer) -> {
                if (resolver.resolve(SamTemplate.map(authorizer).get("JwtConfiguration")) instanceof Map<?, ?> jwt) {
                    configurations.put(name, jwt);
                }
            });
        }
        if (configurations.isEmpty()) {
            return new LocalSignIn(null, Map.of());
        }
        Map<?, ?> first = configurations.values().iterator().next();
        LocalIssuer issuer = new LocalIssuer(String.valueOf(first.get("issuer")), audience(first).get(0), users, clock);
        Map<String, JwtAuthorizer> authorizers = new LinkedHashMap<>();
        configurations.forEach((name, jwt) -> authorizers.put(name, new JwtAuthorizer(String.valueOf(jwt.get("issuer")),
                audience(jwt), issuer.publicKey(), clock)));
        return new LocalSignIn(issuer, authorizers);
    }

    private static List<String> audience(Map<?, ?> jwt) {
        List<String> audience = new ArrayList<>();
        SamTemplate.list(jwt.get("audience")).forEach(value -> audience.add(String.valueOf(value)));
        return audience;
    }

    public Optional<LocalIssuer> issuer() {
        return Optional.ofNullable(issuer);
    }

    public Optional<JwtAuthorizer> authorizer(String name) {
        return Optional.ofNullable(authorizers.get(name));
    }
}
