package io.halqe.local;

import io.halqe.local.runtime.LocalResolver;
import io.halqe.local.runtime.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values for the template's Secrets Manager secrets (the link signing key): generated on first use and kept in
 * {@code .halqe/secrets/<LogicalId>} under the working directory, so signed links survive a restart.
 */
final class LocalSecrets {

    static final Path DIRECTORY = Path.of(".halqe", "secrets");

    private LocalSecrets() {
    }

    static Map<String, String> forTemplate(SamTemplate template, LocalResolver resolver) {
        Map<String, String> secrets = new LinkedHashMap<>();
        template.resourcesOfType("AWS::SecretsManager::Secret").keySet()
                .forEach(id -> secrets.put(resolver.secretArn(id), valueFor(id)));
        return secrets;
    }

    private static String valueFor(String logicalId) {
        Path file = DIRECTORY.resolve(logicalId);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(DIRECTORY);
            Files.writeString(file, value, StandardCharsets.UTF_8);
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the local secret " + file.toAbsolutePath(), e);
        }
    }
}
