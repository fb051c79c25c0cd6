package io.halqe.bench.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildJvmTest {

    @Test
    void command_shouldStartTheLauncherWithLambdasFlags_whenGivenAFunctionsMemory() {
        // GIVEN a child for a 1024 MB function on a two-entry classpath
        ChildJvm child = new ChildJvm(Path.of("/jdk/bin/java"), List.of(Path.of("/runtime"), Path.of("/task")), 1024,
                Map.of());

        // WHEN its command line is made
        List<String> command = child.command(List.of("cold", "x.Handler"));

        // THEN the heap is capped at 85% of the memory, with Lambda's GC and C1-only compilation, before the launcher
        assertThat(command).startsWith("/jdk/bin/java", "-XX:MaxHeapSize=891289k", "-XX:+UseSerialGC");
        assertThat(command).contains("-XX:TieredStopAtLevel=1", "-Xshare:auto");
        assertThat(command).endsWith("-cp", "/runtime:/task", LambdaLauncher.class.getName(), "cold", "x.Handler");
    }

    @Test
    void lambdaEnvironment_shouldHoldLambdasVariablesAndTheFunctions_whenTheFunctionSetsItsOwn() {
        // GIVEN a function's variables, one of which Lambda also sets
        Map<String, String> functionVariables = Map.of("HALQE_SURVEYS_TABLE", "surveys", "TZ", "Asia/Tehran");

        // WHEN the child's environment is made
        Map<String, String> environment = ChildJvm.lambdaEnvironment(Path.of("/task"), functionVariables);

        // THEN it has Lambda's variables and the function's, the function's winning, and nothing of the caller's
        assertThat(environment).containsEntry("LAMBDA_TASK_ROOT", "/task")
                .containsEntry("AWS_EXECUTION_ENV", "AWS_Lambda_java21")
                .containsEntry("HALQE_SURVEYS_TABLE", "surveys")
                .containsEntry("TZ", "Asia/Tehran")
                .doesNotContainKey("HOME");
    }
}
