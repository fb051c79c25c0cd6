package io.halqe.local.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.halqe.aws.json.Json;
import io.halqe.domain.text.EmailAddresses;
import io.halqe.local.runtime.LocalResolver;
import io.halqe.local.runtime.SamTemplate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The template's Cognito user pool, held locally: its groups, its password policy and its users — the
 * {@code --user} people (confirmed, with their password) and the ones an admin makes. Answers the Cognito Identity
 * Provider calls the API makes (JSON 1.1, {@code X-Amz-Target: AWSCognitoIdentityProviderService.<Op>}) with
 * Cognito's shapes and error types; a user made by AdminCreateUser is emailed a temporary password as Cognito would
 * ({@link Invitation}, to the outbox) and must choose their own at the first sign-in. The login page checks
 * passwords here, so whoever the pool holds can sign in, and nobody else.
 */
public final class LocalUserPool {

    public static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
    private static final int MAX_LIST = 60;
    /** Cognito's user name: 1 to 128 letters, marks, symbols, numbers or punctuation. */
    private static final String USERNAME = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]{1,128}";

    /** What Cognito sends a new user: their name and temporary password. */
    public record Invitation(String to, String username, String temporaryPassword, Instant at) {

        public String subject() {
            return "Your temporary password";
        }

        public String text() {
            return "Your username is " + username + " and temporary password is " + temporaryPassword + ".";
        }
    }

    /** An answer to one call: its status and JSON body ({@code __type} and {@code message} for an error). */
    public record Reply(int status, ObjectNode body) {
    }

    /** The outcome of a password check at sign-in. */
    public sealed interface SignIn {
        /** {@code attributes}: {@code sub}, {@code email}, …, as a trigger's event carries them. */
        record Ok(String username, List<String> groups, Map<String, String> attributes) implements SignIn {
        }

        /** The temporary password was right: a new one must be chosen before signing in. */
        record NewPasswordRequired(String username) implements SignIn {
        }

        record Refused(String message) implements SignIn {
        }
    }

    private static final class Account {
        final String username;
        final String sub = UUID.randomUUID().toString();
        final Map<String, String> attributes = new LinkedHashMap<>();
        final Set<String> groups = new LinkedHashSet<>();
        final Instant created;
        Instant modified;
        String password;
        String status;
        boolean enabled = true;

        Account(String username, Instant created) {
            this.username = username;
            this.created = created;
            this.modified = created;
            attributes.put("sub", sub);
        }
    }

    private final String poolId;
    private final Map<String, String> groups;
    private final PasswordPolicy policy;
    private final Clock clock;
    private final Consumer<Invitation> mail;
    private final String postAuthentication;
    /** By the name lower-cased: the pool does not tell names apart by case. */
    private final Map<String, Account> accounts = Collections.synchronizedMap(new TreeMap<>());
    private final SecureRandom random = new SecureRandom();

    LocalUserPool(String poolId, Map<String, String> groups, PasswordPolicy policy, String postAuthentication,
                  Clock clock, Consumer<Invitation> mail) {
        this.poolId = poolId;
        this.groups = Map.copyOf(groups);
        this.policy = policy;
        this.postAuthentication = postAuthentication;
        this.clock = clock;
        this.mail = mail;
    }

    /** The template's first user pool (none: a pool of the {@code --user} people alone), with them in it. */
    public static LocalUserPool of(SamTemplate template, LocalResolver resolver, List<LocalUser> users, Clock clock,
                                   Consumer<Invitation> mail) {
        String id = template.resourcesOfType("AWS::Cognito::UserPool").keySet().stream().findFirst().orElse(null);
        Map<String, Object> properties = id == null ? Map.of() : template.properties(id);
        Map<String, String> groups = new LinkedHashMap<>();
        template.resourcesOfType("AWS::Cognito::UserPoolGroup").keySet().forEach(group -> {
            Map<String, Object> p = template.properties(group);
            groups.put(resolver.resolveString(p.get("GroupName")), String.valueOf(p.getOrDefault("Description", "")));
        });
        Map<String, Object> rules = SamTemplate.map(SamTemplate.map(properties.get("Policies")).get("PasswordPolicy"));
        PasswordPolicy policy = new PasswordPolicy(number(rules.get("MinimumLength"), 8),
                !Boolean.FALSE.equals(rules.get("RequireUppercase")), !Boolean.FALSE.equals(rules.get("RequireLowercase")),
                !Boolean.FALSE.equals(rules.get("RequireNumbers")), !Boolean.FALSE.equals(rules.get("RequireSymbols")),
                number(rules.get("TemporaryPasswordValidityDays"), 7));
        Object trigger = SamTemplate.map(properties.get("LambdaConfig")).get("PostAuthentication");
        LocalUserPool pool = new LocalUserPool(id == null ? "local" : resolver.resolveString(new SamTemplate.Intrinsic(
                "Ref", id)), groups, policy, functionOf(trigger), clock, mail);
        for (LocalUser user : users) {
            Account account = new Account(user.name(), clock.instant());
            account.password = user.password();
            account.status = "CONFIRMED";
            account.groups.addAll(user.groups());
            pool.accounts.put(key(user.name()), account);
        }
        return pool;
    }

    /** The function the pool's PostAuthentication trigger names ({@code !Ref Fn.Alias}, {@code !GetAtt Fn.Arn}). */
    private static String functionOf(Object trigger) {
        if (trigger instanceof SamTemplate.Intrinsic intrinsic) {
            Object argument = intrinsic.fn().equals("Fn::GetAtt") ? SamTemplate.list(intrinsic.argument()).get(0)
                    : intrinsic.argument();
            return String.valueOf(argument).split("\\.")[0];
        }
        return null;
    }

    public String poolId() {
        return poolId;
    }

    /** The logical id of the function the pool calls after each sign-in, if it names one. */
    public Optional<String> postAuthenticationFunction() {
        return Optional.ofNullable(postAuthentication);
    }

    /** One call of the Cognito Identity Provider API. */
    public Reply call(String operation, JsonNode request) {
        try {
            if (!poolId.equals(request.path("UserPoolId").asText())) {
                throw new Refusal("ResourceNotFoundException", "User pool " + request.path("UserPoolId").asText()
                        + " does not exist.");
            }
            ObjectNode answer = switch (operation) {
                case "AdminCreateUser" -> adminCreateUser(request);
                case "AdminGetUser" -> adminGetUser(request);
                case "AdminListGroupsForUser" -> adminListGroupsForUser(request);
                case "AdminAddUserToGroup" -> changeGroup(request, true);
                case "AdminRemoveUserFromGroup" -> changeGroup(request, false);
                case "ListUsers" -> listUsers(request);
                case "AdminDeleteUser" -> {
                    synchronized (accounts) {
                        accounts.remove(key(existing(request).username));
                    }
                    yield Json.MAPPER.createObjectNode();
                }
                default -> throw new Refusal("UnknownOperationException", "the local cloud does not emulate Cognito's "
                        + operation);
            };
            return new Reply(200, answer);
        } catch (Refusal refusal) {
            ObjectNode error = Json.MAPPER.createObjectNode();
            error.put("__type", refusal.type);
            error.put("message", refusal.getMessage());
            return new Reply(400, error);
        }
    }

    /** The password check of the login page. */
    public SignIn authenticate(String username, String password) {
        Account account = accounts.get(key(username));
        if (account == null || account.password == null || !MessageDigest.isEqual(
                account.password.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8))) {
            return new SignIn.Refused("Incorrect username or password.");
        }
        if (!account.enabled) {
            return new SignIn.Refused("User is disabled.");
        }
        if (account.status.equals("FORCE_CHANGE_PASSWORD")) {
            if (clock.instant().isAfter(account.modified.plus(Duration.ofDays(policy.temporaryDays())))) {
                return new SignIn.Refused("Temporary password has expired and must be reset by an administrator.");
            }
            return new SignIn.NewPasswordRequired(account.username);
        }
        return signedIn(account);
    }

    /** The password {@code username} chooses at their first sign-in: the policy's problem, or signed in. */
    public SignIn choosePassword(String username, String newPassword) {
        Account account = accounts.get(key(username));
        if (account == null || !"FORCE_CHANGE_PASSWORD".equals(account.status)) {
            return new SignIn.Refused("Incorrect username or password.");
        }
        Optional<String> problem = policy.problem(newPassword);
        if (problem.isPresent()) {
            return new SignIn.Refused(problem.get());
        }
        synchronized (accounts) {
            account.password = newPassword;
            account.status = "CONFIRMED";
            account.modified = clock.instant();
        }
        return signedIn(account);
    }

    private SignIn signedIn(Account account) {
        Map<String, String> attributes = new LinkedHashMap<>(account.attributes);
        attributes.put("cognito:user_status", account.status);
        return new SignIn.Ok(account.username, List.copyOf(account.groups), attributes);
    }

    private ObjectNode adminCreateUser(JsonNode request) {
        String username = request.path("Username").asText("");
        if (!username.matches(USERNAME)) {
            throw new Refusal("InvalidParameterException", "1 validation error detected: Value at 'username' failed to"
                    + " satisfy constraint: Member must satisfy regular expression pattern: " + USERNAME);
        }
        Account account = new Account(username, clock.instant());
        request.path("UserAttributes").forEach(attribute -> account.attributes.put(attribute.path("Name").asText(),
                attribute.path("Value").asText()));
        String email = account.attributes.get("email");
        if (email != null && !EmailAddresses.isAddress(email)) {
            throw new Refusal("InvalidParameterException", "Invalid email address format.");
        }
        boolean byEmail = request.path("DesiredDeliveryMediums").toString().contains("EMAIL");
        if (byEmail && email == null) {
            throw new Refusal("InvalidParameterException", "User has no email attribute to deliver the message to.");
        }
        account.password = request.hasNonNull("TemporaryPassword") ? request.path("TemporaryPassword").asText()
                : temporaryPassword();
        account.status = "FORCE_CHANGE_PASSWORD";
        synchronized (accounts) {
            if (accounts.putIfAbsent(key(username), account) != null) {
                throw new Refusal("UsernameExistsException", "User account already exists");
            }
        }
        if (email != null && !"SUPPRESS".equals(request.path("MessageAction").asText())) {
            mail.accept(new Invitation(email, username, account.password, clock.instant()));
        }
        ObjectNode answer = Json.MAPPER.createObjectNode();
        user(answer.putObject("User"), account, "Attributes");
        return answer;
    }

    private ObjectNode adminGetUser(JsonNode request) {
        Account account = existing(request);
        ObjectNode answer = Json.MAPPER.createObjectNode();
        synchronized (accounts) {
            user(answer, account, "UserAttributes");
        }
        return answer;
    }

    private ObjectNode adminListGroupsForUser(JsonNode request) {
        Account account = existing(request);
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode listed = answer.putArray("Groups");
        synchronized (accounts) {
            for (String group : account.groups) {
                ObjectNode item = listed.addObject();
                item.put("GroupName", group);
                item.put("UserPoolId", poolId);
                item.put("Description", groups.getOrDefault(group, ""));
            }
        }
        return answer;
    }

    private ObjectNode changeGroup(JsonNode request, boolean add) {
        String group = request.path("GroupName").asText("");
        if (!groups.containsKey(group)) {
            throw new Refusal("ResourceNotFoundException", "Group not found.");
        }
        Account account = existing(request);
        synchronized (accounts) {
            if (add) {
                account.groups.add(group);
            } else {
                account.groups.remove(group);
            }
        }
        return Json.MAPPER.createObjectNode();
    }

    /** Users by name, {@code Limit} (at most 60) at a time; the token names the next one. */
    private ObjectNode listUsers(JsonNode request) {
        int limit = request.path("Limit").asInt(MAX_LIST);
        if (limit < 0 || limit > MAX_LIST) {
            throw new Refusal("InvalidParameterException", "1 validation error detected: Value '" + limit
                    + "' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60");
        }
        if (request.hasNonNull("Filter")) {
            throw new Refusal("InvalidParameterException", "the local pool does not filter users");
        }
        String from;
        try {
            from = request.hasNonNull("PaginationToken") ? new String(Base64.getUrlDecoder().decode(
                    request.path("PaginationToken").asText()), StandardCharsets.UTF_8) : "";
        } catch (IllegalArgumentException notOurs) {
            throw new Refusal("InvalidParameterException", "Invalid pagination token.");
        }
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode users = answer.putArray("Users");
        synchronized (accounts) {
            var page = new TreeMap<>(accounts).tailMap(from, true);
            for (Account account : page.values()) {
                if (users.size() == (limit == 0 ? MAX_LIST : limit)) {
                    answer.put("PaginationToken", Base64.getUrlEncoder().withoutPadding().encodeToString(
                            key(account.username).getBytes(StandardCharsets.UTF_8)));
                    break;
                }
                user(users.addObject(), account, "Attributes");
            }
        }
        return answer;
    }

    private Account existing(JsonNode request) {
        String username = request.path("Username").asText("");
        if (!username.matches(USERNAME)) {
            throw new Refusal("InvalidParameterException", "1 validation error detected: Value at 'username' failed to"
                    + " satisfy constraint: Member must satisfy regular expression pattern: " + USERNAME);
        }
        Account account = accounts.get(key(username));
        if (account == null) {
            throw new Refusal("UserNotFoundException", "User does not exist.");
        }
        return account;
    }

    /** A UserType (AdminGetUser names its attributes {@code UserAttributes}, the others {@code Attributes}). */
    private static void user(ObjectNode node, Account account, String attributesName) {
        node.put("Username", account.username);
        ArrayNode attributes = node.putArray(attributesName);
        account.attributes.forEach((name, value) -> attributes.addObject().put("Name", name).put("Value", value));
        node.put("UserCreateDate", account.created.toEpochMilli() / 1000.0);
        node.put("UserLastModifiedDate", account.modified.toEpochMilli() / 1000.0);
        node.put("Enabled", account.enabled);
        node.put("UserStatus", account.status);
    }

    /** A password the policy takes: upper, lower and digits, and a symbol if asked for. */
    private String temporaryPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder password = new StringBuilder("Aa2");
        while (password.length() < Math.max(12, policy.minimumLength())) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return policy.symbols() ? password.append('!').toString() : password.toString();
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    private static int number(Object value, int fallback) {
        return value instanceof Number number ? number.intValue() : fallback;
    }

    /** A call Cognito refuses: its error type (the SDK's exception) and message. */
    private static final class Refusal extends RuntimeException {
        private final String type;

        Refusal(String type, String message) {
            super(message, null, false, false);
            this.type = type;
        }
    }
}
