package io.halqe.local.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.halqe.aws.json.Json;
import io.halqe.local.runtime.LocalResolver;
import io.halqe.local.runtime.SamTemplate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The template's HttpApi JWT authorizers, emulated: each checks tokens of the local issuer, which poses as the issuer
 * and client the (first) authorizer names — so a token made locally passes exactly where a Cognito token would. The
 * issuer signs in the pool's users and, after each sign-in, runs the function the pool names as its
 * PostAuthentication trigger synchronously, with Cognito's event.
 */
public final class LocalSignIn {

    private final LocalIssuer issuer;
    private final Map<String, JwtAuthorizer> authorizers;

    private LocalSignIn(LocalIssuer issuer, Map<String, JwtAuthorizer> authorizers) {
        this.issuer = issuer;
        this.authorizers = Map.copyOf(authorizers);
    }

    /** {@code invoke}: runs a function (logical id, event) synchronously and returns its output, or throws. */
    public static LocalSignIn of(SamTemplate template, LocalResolver resolver, LocalUserPool pool, Clock clock,
                                 BiFunction<String, String, String> invoke) {
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
        LocalIssuer.AfterSignIn trigger = pool.postAuthenticationFunction().<LocalIssuer.AfterSignIn>map(function ->
                (user, client) -> invoke.apply(function, postAuthentication(pool, user, client)))
                .orElse(LocalIssuer.AfterSignIn.NOTHING);
        LocalIssuer issuer = new LocalIssuer(String.valueOf(first.get("issuer")), audience(first).get(0), pool, trigger,
                clock);
        Map<String, JwtAuthorizer> authorizers = new LinkedHashMap<>();
        configurations.forEach((name, jwt) -> authorizers.put(name, new JwtAuthorizer(String.valueOf(jwt.get("issuer")),
                audience(jwt), issuer.publicKey(), clock)));
        return new LocalSignIn(issuer, authorizers);
    }

    /** Cognito's PostAuthentication event for a sign-in through managed login. */
    static String postAuthentication(LocalUserPool pool, LocalUserPool.SignIn.Ok user, String clientId) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("version", "1");
        event.put("triggerSource", "PostAuthentication_Authentication");
        event.put("region", LocalResolver.REGION);
        event.put("userPoolId", pool.poolId());
        event.put("userName", user.username());
        event.putObject("callerContext").put("awsSdkVersion", "aws-sdk-unknown-unknown").put("clientId", clientId);
        ObjectNode request = event.putObject("request");
        ObjectNode attributes = request.putObject("userAttributes");
        user.attributes().forEach(attributes::put);
        request.put("newDeviceUsed", false);
        event.putObject("response");
        return event.toString();
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
