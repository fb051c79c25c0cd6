package io.halqe.bench.coldstart;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A fresh JVM started the way Lambda's java21 runtime starts one, with {@link LambdaLauncher} as its main. The
 * runtime's command line (as observed on the java17/java21 runtimes): {@code -XX:MaxHeapSize} at 85% of the
 * function's memory, {@code -XX:+UseSerialGC}, class data sharing, {@code -XX:+TieredCompilation
 * -XX:TieredStopAtLevel=1}, {@code --add-opens=java.base/java.io=ALL-UNNAMED}; Lambda uses its own CDS archive
 * ({@code -Xshare:on}), here the JDK's default one ({@code -Xshare:auto}). The environment is Lambda's few variables
 * plus the function's own (template.yaml's, JAVA_TOOL_OPTIONS included), nothing inherited from the benchmark's.
 * Not emulated: Lambda's CPU share for the memory size (about 0.6 vCPU at 1024 MB).
 */
public record ChildJvm(Path java, List<Path> classpath, int memoryMb, Map<String, String> environment) {

    /** What a child printed on its {@link LambdaLauncher#TAG} lines, and when it was started (epoch ms). */
    public record Output(long spawnedMillis, List<String> tagged, String all) {

        /** The tagged line {@code <kind> ...} split after the kind. */
        public String[] line(String kind) {
            return tagged.stream().filter(line -> line.startsWith(kind + " ") || line.equals(kind)).findFirst()
                    .map(line -> line.substring(kind.length()).trim().split(" "))
                    .orElseThrow(() -> new IllegalStateException("no '" + kind + "' line in:\n" + ChildJvm.tail(all)));
        }

        /** Every tagged line {@code <kind> ...}, the rest after the kind, in the order printed. */
        public List<String> lines(String kind) {
            return tagged.stream().filter(line -> line.startsWith(kind + " ") || line.equals(kind))
                    .map(line -> line.substring(kind.length()).trim()).toList();
        }

        /** The last lines the child printed (stdout and stderr): what a failure report shows. */
        public String tail() {
            return ChildJvm.tail(all);
        }
    }

    public ChildJvm {
        classpath = List.copyOf(classpath);
        environment = Map.copyOf(environment);
    }

    /** The JVM flags Lambda's runtime starts a function with, for a function of {@code memoryMb}. */
    public static List<String> lambdaFlags(int memoryMb) {
        return List.of("-XX:MaxHeapSize=" + memoryMb * 1024L * 85 / 100 + "k", "-XX:+UseSerialGC", "-Xshare:auto",
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "--add-opens=java.base/java.io=ALL-UNNAMED",
                "-XX:+ErrorFileToStderr");
    }

    /** The variables Lambda's runtime sets around the function's own (which win), none of the caller's. */
    public static Map<String, String> lambdaEnvironment(Path taskRoot, Map<String, String> functionVariables) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.put("LANG", "en_US.UTF-8");
        environment.put("TZ", ":UTC");
        environment.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        environment.putAll(functionVariables);
        return environment;
    }

    public List<String> command(List<String> launcherArguments) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(lambdaFlags(memoryMb));
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        command.add(LambdaLauncher.class.getName());
        command.addAll(launcherArguments);
        return command;
    }

    /** Starts the child, waits for it (2 minutes at most) and fails with its output unless it exited 0. */
    public Output run(String... launcherArguments) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command(List.of(launcherArguments))).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        long spawned = System.currentTimeMillis();
        Process process = builder.start();
        // read while it runs: a full pipe would stall the child
        String all = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the child JVM did not end within 2 minutes:\n" + tail(all));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("the child JVM exited with " + process.exitValue() + ":\n" + tail(all));
        }
        List<String> tagged = all.lines().filter(line -> line.startsWith(LambdaLauncher.TAG))
                .map(line -> line.substring(LambdaLauncher.TAG.length())).toList();
        return new Output(spawned, tagged, all);
    }

    static String tail(String text) {
        return text.length() <= 4000 ? text : "…" + text.substring(text.length() - 4000);
    }
}
