package io.halqe.local.auth;

import java.util.Arrays;
import java.util.List;

/** A person who can sign in to the local cloud: {@code --user sara:her-password:agent} (groups comma-separated). */
public record LocalUser(String name, String password, List<String> groups) {

    public LocalUser {
        groups = List.copyOf(groups);
    }

    public static LocalUser parse(String spec) {
        String[] parts = spec.split(":", 3);
        if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("--user takes name:password:group[,group], not " + spec);
        }
        return new LocalUser(parts[0], parts[1], Arrays.stream(parts[2].split(",")).map(String::strip)
                .filter(group -> !group.isEmpty()).toList());
    }
}
