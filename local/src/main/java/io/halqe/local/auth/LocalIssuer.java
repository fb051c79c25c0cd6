package io.halqe.local.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.halqe.aws.json.Json;
import io.halqe.domain.text.Html;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local cloud standing in for the template's Cognito user pool: the same issuer and client id the template's
 * JWT authorizer names (resolved as the local cloud resolves them), a login page checking passwords in the
 * {@link LocalUserPool} (a temporary password leads to choosing a new one, as managed login does), the pool's
 * PostAuthentication trigger after each sign-in ({@link AfterSignIn}: if it fails, so does the sign-in), the
 * authorization code flow with PKCE (S256), and tokens signed with a key made at start (its public half at the JWKS
 * endpoint). Tokens carry what Cognito's access tokens carry for the API: {@code username}, {@code cognito:groups},
 * {@code client_id}, {@code token_use}, and live an hour by the local clock. Redirects go to localhost only.
 */
public final class LocalIssuer {

    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(5);

    /** What the login page and the token endpoint answer: a status and an HTML or JSON body, or a redirect. */
    public sealed interface Answer {
        record Page(int status, String html) implements Answer {
        }

        record Redirect(String location) implements Answer {
        }

        record Tokens(int status, ObjectNode json) implements Answer {
        }
    }

    /** What the pool runs after a password check succeeded (its PostAuthentication trigger); throws if it fails. */
    public interface AfterSignIn {
        AfterSignIn NOTHING = (user, client) -> { };

        void signedIn(LocalUserPool.SignIn.Ok user, String clientId);
    }

    private record Code(LocalUser user, String redirectUri, String challenge, Instant expires) {
    }

    /** A person who gave their temporary password, choosing a new one. */
    private record Session(String username, Instant expires) {
    }

    private final String issuer;
    private final String clientId;
    private final LocalUserPool pool;
    private final AfterSignIn afterSignIn;
    private final Clock clock;
    private final RSAKey key;
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public LocalIssuer(String issuer, String clientId, LocalUserPool pool, AfterSignIn afterSignIn, Clock clock) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.pool = pool;
        this.afterSignIn = afterSignIn;
        this.clock = clock;
        try {
            this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make the local signing key", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    /** The public key tokens are checked with. */
    public RSAKey publicKey() {
        return key.toPublicJWK();
    }

    /**
     * Where to sign in, as an OpenID discovery document says it, plus the console's {@code client_id} (on AWS, the
     * stack's {@code ConsoleClientId} output). The issuer is the user pool's, which the local cloud poses as.
     */
    public ObjectNode discovery(String baseUrl) {
        ObjectNode discovery = Json.MAPPER.createObjectNode();
        discovery.put("issuer", issuer);
        discovery.put("authorization_endpoint", baseUrl + "/_local/auth/login");
        discovery.put("token_endpoint", baseUrl + "/_local/auth/token");
        discovery.put("jwks_uri", baseUrl + "/_local/auth/jwks.json");
        discovery.putArray("code_challenge_methods_supported").add("S256");
        discovery.put("client_id", clientId);
        return discovery;
    }

    public String jwks() {
        return new JWKSet(publicKey()).toString();
    }

    /** {@code GET /_local/auth/login?response_type=code&client_id&redirect_uri&state&code_challenge&…}. */
    public Answer loginPage(Map<String, String> query) {
        return refusal(query).orElseGet(() -> new Answer.Page(200, page(query, null)));
    }

    /**
     * The login form posted (or the new password chosen, with the session the temporary password opened): a code
     * for the redirect, or the form again.
     */
    public Answer login(Map<String, String> form) {
        Optional<Answer> refused = refusal(form);
        if (refused.isPresent()) {
            return refused.get();
        }
        LocalUserPool.SignIn outcome;
        if (form.containsKey("session")) {
            Session session = sessions.remove(form.get("session"));
            if (session == null || clock.instant().isAfter(session.expires())) {
                return new Answer.Page(401, page(form, "Your session has expired. Sign in again."));
            }
            outcome = form.getOrDefault("new_password", "").equals(form.get("confirm_password"))
                    ? pool.choosePassword(session.username(), form.getOrDefault("new_password", ""))
                    : new LocalUserPool.SignIn.Refused("Passwords do not match.");
            if (outcome instanceof LocalUserPool.SignIn.Refused again) {
                return new Answer.Page(400, newPasswordPage(form, session.username(), again.message()));
            }
        } else {
            outcome = pool.authenticate(form.getOrDefault("username", ""), form.getOrDefault("password", ""));
        }
        return switch (outcome) {
            case LocalUserPool.SignIn.Refused no -> new Answer.Page(401, page(form, no.message()));
            case LocalUserPool.SignIn.NewPasswordRequired change ->
                    new Answer.Page(200, newPasswordPage(form, change.username(), null));
            case LocalUserPool.SignIn.Ok ok -> signedIn(form, ok);
        };
    }

    private Answer signedIn(Map<String, String> form, LocalUserPool.SignIn.Ok user) {
        try {
            afterSignIn.signedIn(user, clientId);
        } catch (RuntimeException failed) {
            // as managed login reports a trigger's failure
            return new Answer.Page(400, page(form, "PostAuthentication failed with error " + failed.getMessage() + "."));
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        codes.put(code, new Code(new LocalUser(user.username(), "", user.groups()), form.get("redirect_uri"),
                form.get("code_challenge"), clock.instant().plus(CODE_LIFETIME)));
        String state = form.getOrDefault("state", "");
        return new Answer.Redirect(form.get("redirect_uri") + "?code=" + code
                + (state.isEmpty() ? "" : "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8)));
    }

    /** {@code POST /_local/auth/token}: a code (once, within five minutes) and its PKCE verifier for the tokens. */
    public Answer token(Map<String, String> form) {
        if (!"authorization_code".equals(form.get("grant_type"))) {
            return error("unsupported_grant_type");
        }
        Code code = codes.remove(form.getOrDefault("code", ""));
        if (code == null || clock.instant().isAfter(code.expires()) || !clientId.equals(form.get("client_id"))
                || !code.redirectUri().equals(form.get("redirect_uri"))
                || !code.challenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
            return error("invalid_grant");
        }
        Instant now = clock.instant();
        ObjectNode tokens = Json.MAPPER.createObjectNode();
        tokens.put("access_token", sign(code.user(), now, "access"));
        tokens.put("id_token", sign(code.user(), now, "id"));
        tokens.put("token_type", "Bearer");
        tokens.put("expires_in", TOKEN_LIFETIME.toSeconds());
        return new Answer.Tokens(200, tokens);
    }

    /** A token as the flow gives it (for the ones the tests and tools need without a browser). */
    public String sign(LocalUser user, Instant now, String use) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer)
                .subject(UUID.nameUUIDFromBytes(user.name().getBytes(StandardCharsets.UTF_8)).toString())
                .claim("cognito:groups", user.groups()).claim("token_use", use)
                .issueTime(Date.from(now)).claim("auth_time", now.getEpochSecond())
                .expirationTime(Date.from(now.plus(TOKEN_LIFETIME))).jwtID(UUID.randomUUID().toString());
        if (use.equals("access")) {
            claims.claim("client_id", clientId).claim("username", user.name()).claim("scope", "openid email profile");
        } else {
            claims.audience(clientId).claim("cognito:username", user.name());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a local token", e);
        }
        return jwt.serialize();
    }

    /** The client and redirect a flow must name: this pool's client, a localhost address, a S256 challenge. */
    private Optional<Answer> refusal(Map<String, String> request) {
        String redirect = request.getOrDefault("redirect_uri", "");
        if (!clientId.equals(request.get("client_id")) || !(redirect.startsWith("http://localhost:")
                || redirect.startsWith("http://127.0.0.1:")) || request.getOrDefault("code_challenge", "").isEmpty()
                || !"S256".equals(request.get("code_challenge_method"))) {
            return Optional.of(new Answer.Page(400, "<!doctype html><p>Sign-in needs this pool's client_id, a localhost"
                    + " redirect_uri and a PKCE code_challenge (S256).</p>"));
        }
        return Optional.empty();
    }

    /** The flow's fields, carried from page to page. */
    private static StringBuilder hidden(Map<String, String> request) {
        StringBuilder hidden = new StringBuilder();
        for (String name : List.of("client_id", "redirect_uri", "state", "code_challenge", "code_challenge_method")) {
            hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                    .append(Html.escape(request.getOrDefault(name, ""))).append("\">");
        }
        return hidden;
    }

    /** The form of a first sign-in: a new password, twice, under a session of three minutes. */
    private String newPasswordPage(Map<String, String> request, String username, String problem) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String session = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(session, new Session(username, clock.instant().plus(Duration.ofMinutes(3))));
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Change password — Halqe (local)</title></head>"
                + "<body style=\"font-family:sans-serif;max-width:20rem;margin:4rem auto\"><h1>Change password</h1>"
                + "<p>Enter a new password for " + Html.escape(username) + ".</p>"
                + (problem == null ? "" : "<p role=\"alert\">" + Html.escape(problem) + "</p>")
                + "<form method=\"post\" action=\"/_local/auth/login\">" + hidden(request)
                + "<input type=\"hidden\" name=\"session\" value=\"" + session + "\">"
                + "<label>New password <input name=\"new_password\" type=\"password\" autocomplete=\"new-password\""
                + " required></label><br><label>Confirm password <input name=\"confirm_password\" type=\"password\""
                + " autocomplete=\"new-password\" required></label><br><button type=\"submit\">Change password</button>"
                + "</form></body></html>";
    }

    private static String page(Map<String, String> request, String problem) {
        StringBuilder hidden = hidden(request);
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>Sign in — Halqe (local)</title></head>"
                + "<body style=\"font-family:sans-serif;max-width:20rem;margin:4rem auto\"><h1>Sign in</h1>"
                + (problem == null ? "" : "<p role=\"alert\">" + Html.escape(problem) + "</p>")
                + "<form method=\"post\" action=\"/_local/auth/login\">" + hidden
                + "<label>User name <input name=\"username\" autocomplete=\"username\" required></label><br>"
                + "<label>Password <input name=\"password\" type=\"password\" autocomplete=\"current-password\" required>"
                + "</label><br><button type=\"submit\">Sign in</button></form></body></html>";
    }

    private static Answer error(String code) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("error", code);
        return new Answer.Tokens(400, json);
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
