package io.halqe.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An HttpApi JWT authorizer as API Gateway runs one: the token from the identity source ({@code Authorization},
 * with or without {@code Bearer }) must be an RS256 JWT signed by a key of the issuer's JWKS, name the configured
 * issuer, carry one of the configured audiences in {@code aud} (or, without {@code aud}, in {@code client_id}), not be
 * expired or not yet valid by the local clock, and hold the route's scopes if it names any. Claims reach the function
 * as API Gateway passes them: strings, a list as {@code [a b]}, a time as epoch seconds.
 */
public final class JwtAuthorizer {

    /** The verified claims and scopes, for the event's {@code requestContext.authorizer.jwt}. */
    public record Verified(Map<String, String> claims, List<String> scopes) {
    }

    private final String issuer;
    private final List<String> audience;
    private final RSAKey issuerKey;
    private final Clock clock;

    public JwtAuthorizer(String issuer, List<String> audience, RSAKey issuerKey, Clock clock) {
        this.issuer = issuer;
        this.audience = List.copyOf(audience);
        this.issuerKey = issuerKey;
        this.clock = clock;
    }

    /** Empty: API Gateway would answer 401 without invoking the function. */
    public Optional<Verified> verify(String authorization, List<String> requiredScopes) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        String token = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).strip()
                : authorization.strip();
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                    || !issuerKey.getKeyID().equals(jwt.getHeader().getKeyID())
                    || !jwt.verify(new RSASSAVerifier(issuerKey.toRSAPublicKey()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            boolean audienceMatches = claims.getAudience().isEmpty()
                    ? audience.contains(claims.getStringClaim("client_id"))
                    : claims.getAudience().stream().anyMatch(audience::contains);
            if (!issuer.equals(claims.getIssuer()) || !audienceMatches || claims.getExpirationTime() == null
                    || !now.isBefore(claims.getExpirationTime().toInstant())
                    || claims.getNotBeforeTime() != null && now.isBefore(claims.getNotBeforeTime().toInstant())) {
                return Optional.empty();
            }
            List<String> scopes = claims.getStringClaim("scope") == null ? List.of()
                    : List.of(claims.getStringClaim("scope").split(" "));
            if (!scopes.containsAll(requiredScopes)) {
                return Optional.empty();
            }
            return Optional.of(new Verified(asGatewayPasses(claims), scopes));
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> asGatewayPasses(JWTClaimsSet claims) {
        Map<String, String> passed = new LinkedHashMap<>();
        claims.getClaims().forEach((name, value) -> passed.put(name, switch (value) {
            case Collection<?> list -> list.stream().map(String::valueOf).collect(Collectors.joining(" ", "[", "]"));
            case Date date -> Long.toString(date.toInstant().getEpochSecond());
            default -> String.valueOf(value);
        }));
        return passed;
    }
}
