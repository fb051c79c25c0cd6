package io.halqe.aws.runtime;

import io.halqe.domain.config.Env;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * SDK clients, built once per function at init with the url-connection HTTP client. Honours the SDK's standard
 * {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_<SERVICE>} variables from the handler's environment, so the
 * same code talks to AWS, the local cloud or another emulator.
 */
public final class AwsClients {

    private final Env env;
    private final SdkHttpClient http;

    public AwsClients(Env env) {
        this.env = env;
        this.http = UrlConnectionHttpClient.builder().build();
    }

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder(), "DYNAMODB").httpClient(http).build();
    }

    public SesV2Client sesV2() {
        return configure(SesV2Client.builder(), "SESV2").httpClient(http).build();
    }

    public SnsClient sns() {
        return configure(SnsClient.builder(), "SNS").httpClient(http).build();
    }

    public EventBridgeClient eventBridge() {
        return configure(EventBridgeClient.builder(), "EVENTBRIDGE").httpClient(http).build();
    }

    /** The people's user pool ({@code AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER} locally). */
    public CognitoIdentityProviderClient cognitoIdentityProvider() {
        return configure(CognitoIdentityProviderClient.builder(), "COGNITO_IDENTITY_PROVIDER").httpClient(http).build();
    }

    public SecretsManagerClient secretsManager() {
        return configure(SecretsManagerClient.builder(), "SECRETS_MANAGER").httpClient(http).build();
    }

    /**
     * Bedrock Runtime for the optional analyzer. No retries, and {@code apiCallTimeout} bounds the whole call: the
     * built-in analyzer is the retry, at once, so a throttled or slow model never holds a stream batch up.
     */
    public BedrockRuntimeClient bedrockRuntime(Duration apiCallTimeout) {
        return configure(BedrockRuntimeClient.builder(), "BEDROCK_RUNTIME").httpClient(http)
                .overrideConfiguration(override -> override.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(apiCallTimeout))
                .build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String serviceId) {
        env.optional("AWS_REGION").map(Region::of).ifPresent(builder::region);
        Optional<URI> endpoint = endpointFor(serviceId);
        endpoint.ifPresent(builder::endpointOverride);
        builder.credentialsProvider(credentials(endpoint.isPresent()));
        return builder;
    }

    Optional<URI> endpointFor(String serviceId) {
        return env.optional("AWS_ENDPOINT_URL_" + serviceId.toUpperCase(Locale.ROOT))
                .or(() -> env.optional("AWS_ENDPOINT_URL"))
                .map(URI::create);
    }

    /**
     * Emulators take the keys they are given; on Lambda the default chain resolves credentials lazily, which
     * SnapStart needs (nothing credential-shaped is captured in the snapshot).
     */
    private AwsCredentialsProvider credentials(boolean emulator) {
        Optional<String> accessKey = env.optional("AWS_ACCESS_KEY_ID");
        Optional<String> secretKey = env.optional("AWS_SECRET_ACCESS_KEY");
        if (emulator && accessKey.isPresent() && secretKey.isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey.get(), secretKey.get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
