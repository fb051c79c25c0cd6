package io.halqe.local;

import java.nio.file.Path;

/**
 * {@code java -jar local/target/halqe-local.jar [--port N] [--template FILE] [--no-seed] [--workers N] …}: starts the
 * local cloud, prints where to find it and runs until the JVM is stopped.
 */
public final class LocalCloudMain {

    private LocalCloudMain() {
    }

    public static void main(String[] args) {
        LocalCloudOptions options = LocalCloudOptions.defaults();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> options = options.withPort(Integer.parseInt(args[++i]));
                case "--template" -> options = options.withTemplate(Path.of(args[++i]));
                case "--no-seed" -> options = options.withSeedDemo(false);
                case "--faults" -> options = options.withFaults(Faults.parse(args[++i], faultsSeed(args)));
                case "--faults-seed" -> i++;
                case "--workers" -> options = options.withWorkers(Integer.parseInt(args[++i]));
                // each answer of an HttpApi route appended to FILE as a JSON line (tests hold them to openapi.yaml)
                case "--record-answers" -> options = options.withAnswerLog(Path.of(args[++i]));
                // a person who can sign in at /_local/auth/login: name:password:group[,group]
                case "--user" -> options = options.withUser(io.halqe.local.auth.LocalUser.parse(args[++i]));
                case "--parameter" -> {
                    // a template parameter, as sam deploy --parameter-overrides takes it: Name=Value
                    String[] parameter = args[++i].split("=", 2);
                    if (parameter.length != 2) {
                        System.err.println("--parameter takes Name=Value, not " + args[i]);
                        System.exit(2);
                    }
                    options = options.withParameter(parameter[0], parameter[1]);
                }
                case "--help", "-h" -> {
                    System.out.println("usage: java -jar local/target/halqe-local.jar [--port N] [--template FILE] [--no-seed]"
                            + " [--parameter Name=Value]... [--workers N] [--user name:password:group[,group]]... [--record-answers FILE]"
                            + " [--faults dynamodb=0.1,ses=0.05,sns=0.05,events=0.05,timeout=0.02 [--faults-seed N]]");
                    return;
                }
                default -> {
                    System.err.println("unknown argument " + args[i] + " (try --help)");
                    System.exit(2);
                }
            }
        }
        LocalCloud cloud = LocalCloud.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(cloud::close, "halqe-local-shutdown"));
        printBanner(cloud);
        cloud.awaitClose();
    }

    /** The seed of the injected faults' sequence (--faults-seed N; 1 if not given), so a run can be repeated. */
    private static long faultsSeed(String[] args) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--faults-seed")) {
                return Long.parseLong(args[i + 1]);
            }
        }
        return 1;
    }

    private static void printBanner(LocalCloud cloud) {
        String base = cloud.baseUrl().toString();
        System.out.println();
        System.out.println("Halqe local cloud is ready (" + cloud.functions().size() + " functions, DynamoDB Local at "
                + cloud.dynamoDbEndpoint() + ")");
        System.out.println("  Survey:        " + base + "/s/demo-nps");
        System.out.println("  Outbox:        " + base + "/_local/outbox.html");
        System.out.println("  Admin API key: " + cloud.apiKey() + "   (set HALQE_API_KEY to choose another)");
        System.out.println("  Admin API:     curl -H 'Authorization: Bearer " + cloud.apiKey() + "' " + base + "/api/...");
        System.out.println("  Drain work:    curl -X POST " + base + "/_local/drain");
        System.out.println("  Move time:     curl -X POST -d '{\"advance\":\"P3D\"}' " + base + "/_local/clock");
        System.out.println("  Dead letters:  " + base + "/_local/dead-letters");
        if (cloud.faults().any()) {
            System.out.println("  Faults:        " + cloud.faults() + " of the functions' calls and invocations fail");
        }
        System.out.println();
    }
}
