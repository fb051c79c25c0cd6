package io.halqe.aws.links;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The link signing key is a Secrets Manager secret the template generates; it is read once at init. (Rotating it
 * invalidates outstanding links, so it is not rotated automatically.)
 */
public final class SigningKeys {

    private SigningKeys() {
    }

    public static byte[] fromSecret(SecretsManagerClient secrets, String secretId) {
        String value = secrets.getSecretValue(request -> request.secretId(secretId)).secretString();
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("secret " + secretId + " has no string value");
        }
        return value.strip().getBytes(StandardCharsets.UTF_8);
    }
}
