package io.halqe.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How to start a {@link LocalCloud}.
 *
 * @param port            HTTP port of the API (0: any free port)
 * @param template        the SAM template (empty: the repository's template.yaml)
 * @param apiKey          the admin API key; the template's AdminApiKeySha256 is its SHA-256
 * @param seedDemo        write the demo survey and team (DemoSeed) after creating the tables
 * @param background      process streams, bus and schedules every 250 ms without being asked (tests that want
 *                        full control call {@link LocalCloud#drain()} instead)
 * @param parameters      template parameter values that win over the local defaults
 * @param faults          faults to inject into the functions' calls and invocations ({@link Faults#NONE}: none)
 * @param workers         threads that run background invocations (stream batches, bus targets, schedules) at once
 * @param users           people who can sign in at {@code /_local/auth/login} (none by default)
 * @param answerLog       a file each answer of an HttpApi route is appended to, one JSON line each (empty: none), so
 *                        tests can hold what the API answered to its description, openapi.yaml
 */
public record LocalCloudOptions(int port, Optional<Path> template, String apiKey, boolean seedDemo, boolean background,
                                Map<String, String> parameters, Faults faults, int workers,
                                java.util.List<io.halqe.local.auth.LocalUser> users, Optional<Path> answerLog) {

    public static final int DEFAULT_PORT = 3000;
    public static final String DEFAULT_API_KEY = "local-dev-key";
    /** The invocations mostly wait on DynamoDB Local and the emulation, so a few threads per core keep it busy. */
    public static final int DEFAULT_WORKERS = 8;

    public LocalCloudOptions {
        parameters = Map.copyOf(parameters);
        users = users == null ? java.util.List.of() : java.util.List.copyOf(users);
        answerLog = answerLog == null ? Optional.empty() : answerLog;
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, not " + workers);
        }
    }

    /** Port 3000, the repository's template, key from {@code HALQE_API_KEY} or local-dev-key, demo seeded. */
    public static LocalCloudOptions defaults() {
        String key = Optional.ofNullable(System.getenv("HALQE_API_KEY")).filter(value -> !value.isBlank())
                .orElse(DEFAULT_API_KEY);
        return new LocalCloudOptions(DEFAULT_PORT, Optional.empty(), key, true, true, Map.of(), Faults.NONE,
                DEFAULT_WORKERS, java.util.List.of(), Optional.empty());
    }

    public LocalCloudOptions withPort(int port) {
        return new LocalCloudOptions(port, template, apiKey, seedDemo, background, parameters, faults, workers, users, answerLog);
    }

    public LocalCloudOptions withTemplate(Path template) {
        return new LocalCloudOptions(port, Optional.of(template), apiKey, seedDemo, background, parameters, faults, workers, users, answerLog);
    }

    public LocalCloudOptions withApiKey(String apiKey) {
        return new LocalCloudOptions(port, template, apiKey, seedDemo, background, parameters, faults, workers, users, answerLog);
    }

    public LocalCloudOptions withSeedDemo(boolean seedDemo) {
        return new LocalCloudOptions(port, template, apiKey, seedDemo, background, parameters, faults, workers, users, answerLog);
    }

    public LocalCloudOptions withBackground(boolean background) {
        return new LocalCloudOptions(port, template, apiKey, seedDemo, background, parameters, faults, workers, users, answerLog);
    }

    public LocalCloudOptions withParameter(String name, String value) {
        Map<String, String> copy = new HashMap<>(parameters);
        copy.put(name, value);
        return new LocalCloudOptions(port, template, apiKey, seedDemo, background, copy, faults, workers, users, answerLog);
    }

    public LocalCloudOptions withFaults(Faults faults) {
        return new LocalCloudOptions(port, template, apiKey, seedDemo, background, parameters, faults, workers, users, answerLog);
    }

    public LocalCloudOptions withUser(io.halqe.local.auth.LocalUser user) {
        java.util.List<io.halqe.local.auth.LocalUser> more = new java.util.ArrayList<>(users);
        more.add(user);
        return new LocalCloudOptions(port, template, apiKey, seedDemo, background, parameters, faults, workers, more, answerLog);
    }

    public LocalCloudOptions withAnswerLog(Path file) {
        return new LocalCloudOptions(port, template, apiKey, seedDemo, background, parameters, faults, workers, users,
                Optional.of(file));
    }

    public LocalCloudOptions withWorkers(int workers) {
        return new LocalCloudOptions(port, template, apiKey, seedDemo, background, parameters, faults, workers, users, answerLog);
    }
}
