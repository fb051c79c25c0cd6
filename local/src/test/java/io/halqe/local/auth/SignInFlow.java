package io.halqe.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signing in to a local cloud as a browser app does: the discovery document, the login page, the form posted, the
 * authorization code exchanged with its PKCE verifier.
 */
public final class SignInFlow {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final URI base;
    private final JsonNode discovery;

    public SignInFlow(URI base) throws Exception {
        this.base = base;
        this.discovery = JSON.readTree(send(HttpRequest.newBuilder(base.resolve(
                "/_local/auth/.well-known/openid-configuration")).GET()).body());
    }

    /** The whole flow; the access token. */
    public String signIn(String user, String password) throws Exception {
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(UUID.randomUUID().toString()
                .repeat(2).getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(discovery.get("authorization_endpoint")
                .asText() + "?" + form(authorization(challenge(verifier))))).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"");
        HttpResponse<String> tokens = token(code(login(user, password, challenge(verifier))), verifier);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return JSON.readTree(tokens.body()).get("access_token").asText();
    }

    /**
     * The first sign-in of a user an admin made: the temporary password from their invitation, then the page asking
     * for a new one, then the code; the access token.
     */
    public String signInFirstTime(String user, String temporaryPassword, String newPassword) throws Exception {
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(UUID.randomUUID().toString()
                .repeat(2).getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> asked = login(user, temporaryPassword, challenge(verifier));
        HttpResponse<String> tokens = token(code(choosePassword(asked, newPassword, challenge(verifier))), verifier);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return JSON.readTree(tokens.body()).get("access_token").asText();
    }

    /** The new password posted on the page that asks for it ({@code asked}), with its session. */
    public HttpResponse<String> choosePassword(HttpResponse<String> asked, String newPassword, String challenge)
            throws Exception {
        assertThat(asked.body()).as(asked.body()).contains("Change password").contains("name=\"session\"");
        Matcher session = Pattern.compile("name=\"session\" value=\"([^\"]+)\"").matcher(asked.body());
        assertThat(session.find()).isTrue();
        Map<String, String> fields = authorization(challenge);
        fields.put("session", session.group(1));
        fields.put("new_password", newPassword);
        fields.put("confirm_password", newPassword);
        return send(HttpRequest.newBuilder(URI.create(discovery.get("authorization_endpoint").asText()))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    public HttpResponse<String> login(String user, String password, String challenge) throws Exception {
        Map<String, String> fields = authorization(challenge);
        fields.put("username", user);
        fields.put("password", password);
        return send(HttpRequest.newBuilder(URI.create(discovery.get("authorization_endpoint").asText()))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    public String code(HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        String location = redirect.headers().firstValue("location").orElseThrow();
        assertThat(location).startsWith(callback()).contains("state=s1");
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    public HttpResponse<String> token(String code, String verifier) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "authorization_code");
        fields.put("code", code);
        fields.put("client_id", discovery.get("client_id").asText());
        fields.put("redirect_uri", callback());
        fields.put("code_verifier", verifier);
        return send(HttpRequest.newBuilder(URI.create(discovery.get("token_endpoint").asText()))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    public static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private Map<String, String> authorization(String challenge) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("response_type", "code");
        fields.put("client_id", discovery.get("client_id").asText());
        fields.put("redirect_uri", callback());
        fields.put("state", "s1");
        fields.put("code_challenge", challenge);
        fields.put("code_challenge_method", "S256");
        return fields;
    }

    private String callback() {
        return base.resolve("/console/callback").toString();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
