package io.halqe.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository's {@code ./halqe} launcher chooses the JDK: JAVA_HOME when it is 21+, else the newest installed. */
class LauncherTest {

    private static final Path LAUNCHER = Path.of(System.getProperty("halqe.repoRoot", ".."), "halqe").toAbsolutePath();

    @TempDir
    Path jvms;

    record Run(int exitCode, String out, String err) {}

    @Test
    void jdk_shouldSkipJavaHome_whenItIsOlderThan21() throws Exception {
        // GIVEN JAVA_HOME at a JDK 17, and JDKs 21 and 25 installed
        Path old = fakeJdk("jdk-17", "17.0.15");
        fakeJdk("jdk-21", "21.0.5");
        Path newest = fakeJdk("temurin-25", "25.0.3");
        // WHEN the launcher picks a JDK
        Run run = launcher(Map.of("JAVA_HOME", old.toString()), "jdk");
        // THEN it says why JAVA_HOME is skipped and takes the newest installed one
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(newest.toString());
        assertThat(run.err()).contains("skipping JAVA_HOME=" + old).contains("17.0.15");
    }

    @Test
    void jdk_shouldUseJavaHome_whenItIs21OrNewer_evenWithANewerOneInstalled() throws Exception {
        // GIVEN JAVA_HOME at a JDK 21 and a JDK 25 installed
        Path chosen = fakeJdk("jdk-21", "21.0.5");
        fakeJdk("temurin-25", "25.0.3");
        // WHEN the launcher picks a JDK
        Run run = launcher(Map.of("JAVA_HOME", chosen.toString()), "jdk");
        // THEN JAVA_HOME wins
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(chosen.toString());
    }

    @Test
    void jdk_shouldCompareVersionsAsNumbers_whenSeveralUpdatesOfOneReleaseAreInstalled() throws Exception {
        // GIVEN 21.0.9 and 21.0.10 (a string sort puts .9 last), an old 1.8 and a JDK without a release file
        fakeJdk("jdk-21.0.9", "21.0.9");
        Path newest = fakeJdk("jdk-21.0.10", "21.0.10");
        fakeJdk("jdk-8", "1.8.0_392");
        Path unlabelled = fakeJdk("no-release", null);
        // WHEN the launcher picks a JDK
        Run run = launcher(Map.of(), "jdk");
        // THEN 21.0.10 is newer than 21.0.9, and the JDK whose own java says 20.0.2 is not a candidate
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(newest.toString()).isNotEqualTo(unlabelled.toString());
    }

    @Test
    void jdk_shouldNameWhatToInstall_whenNoJdk21IsFound() throws Exception {
        // GIVEN no JAVA_HOME and only a JDK 17 installed
        fakeJdk("jdk-17", "17.0.15");
        // WHEN the launcher is asked to run the tests
        Run run = launcher(Map.of(), "test");
        // THEN it fails before running anything, saying what to install
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no JDK 21 or newer found").contains("openjdk-21-jdk").contains("JAVA_HOME");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void launcher_shouldPrintUsageAndFail_whenTheVerbIsUnknown() throws Exception {
        // WHEN an unknown verb is given
        Run run = launcher(Map.of(), "deploy");
        // THEN the usage lists the verbs and the exit code says it was misused
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("./halqe local").contains("./halqe test").contains("./halqe package");
    }

    /** A directory that looks like a JDK: bin/java and bin/javac, and a release file unless {@code version} is null. */
    private Path fakeJdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(jvms.resolve(name).resolve("bin"));
        String java = version == null
                ? "#!/bin/sh\necho '    java.version = 20.0.2' >&2\n"
                : "#!/bin/sh\nexit 0\n";
        for (String tool : new String[] {"java", "javac"}) {
            Path file = home.resolve(tool);
            Files.writeString(file, java);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        if (version != null) {
            Files.writeString(home.getParent().resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        }
        return home.getParent();
    }

    private Run launcher(Map<String, String> env, String verb) throws Exception {
        ProcessBuilder command = new ProcessBuilder("bash", LAUNCHER.toString(), verb);
        command.environment().remove("JAVA_HOME");
        command.environment().put("HALQE_JDK_CANDIDATES", jvms + "/*");
        command.environment().putAll(env);
        Process process = command.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out, err);
    }
}
