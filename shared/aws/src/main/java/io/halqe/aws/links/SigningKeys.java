package io.halqe.aws.links;

import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The link signing keys are a Secrets Manager secret the template generates (one key), read once at init. To rotate,
 * store a keyring: {@code {"current":"2","keys":{"1":"<old>","2":"<new>"}}} — links signed with the old key keep
 * working until it is removed (see {@link Keyring}).
 */
public final class SigningKeys {

    private SigningKeys() {
    }

    public static Keyring fromSecret(SecretsManagerClient secrets, String secretId) {
        String value = secrets.getSecretValue(request -> request.secretId(secretId)).secretString();
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("secret " + secretId + " has no string value");
        }
        return Keyring.parse(value);
    }
}
