package io.halqe.domain.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/** Configuration read once at init from environment variables, with messages that name the missing variable. */
public record Env(Map<String, String> variables) {

    public Env {
        variables = Map.copyOf(variables);
    }

    public String require(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new MissingConfigurationException(name, "is not set");
        }
        return value;
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
    }

    public Duration duration(String name, Duration fallback) {
        return optional(name).map(value -> {
            try {
                return Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new MissingConfigurationException(name, "is not an ISO-8601 duration: " + value);
            }
        }).orElse(fallback);
    }

    public static final class MissingConfigurationException extends IllegalStateException {
        public MissingConfigurationException(String name, String problem) {
            super("configuration " + name + " " + problem);
        }
    }
}
