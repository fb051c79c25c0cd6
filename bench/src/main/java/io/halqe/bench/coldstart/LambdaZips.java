package io.halqe.bench.coldstart;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A function's zip as Lambda's class loader sees it (the root, then lib/*.jar), behind the runtime's part of the
 * classpath: {@link LambdaLauncher}'s classes alone and the runtime's serialization jar. The launcher's classes are
 * copied out of wherever they were built, so the child sees none of the other classes that sit next to them (a test
 * runs from the bench jar, which also holds the domain: a zip missing it would still start).
 */
public final class LambdaZips {

    private static final String LAUNCHER_PACKAGE = LambdaLauncher.class.getPackageName().replace('.', '/');

    private LambdaZips() {
    }

    /** The runtime's part, first on a child's classpath: the launcher's classes (copied into work), the serializers. */
    public static List<Path> runtime(Path work) throws IOException {
        Path launcher = work.resolve("launcher");
        Path code = codeOf(LambdaLauncher.class);
        if (Files.isDirectory(code)) {
            copyLauncher(code, launcher);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(code)) {
                copyLauncher(jar.getPath("/"), launcher);
            }
        }
        return List.of(launcher, codeOf(LambdaEventSerializers.class));
    }

    /** The runtime's jars, then the unpacked zip's root and its lib/*.jar in name order. */
    public static List<Path> classpath(List<Path> runtime, Path dir) throws IOException {
        List<Path> classpath = new ArrayList<>(runtime);
        classpath.add(dir);
        classpath.addAll(jars(dir));
        return classpath;
    }

    /** The zip's lib/*.jar, in name order; none for a zip without lib/. */
    public static List<Path> jars(Path dir) throws IOException {
        Path lib = dir.resolve("lib");
        if (!Files.isDirectory(lib)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(file -> file.toString().endsWith(".jar")).sorted().toList();
        }
    }

    /** Unpacks {@code zip} into {@code into} (created), refusing entries that would land outside it. */
    public static Path unzip(Path zip, Path into) throws IOException {
        if (!Files.exists(zip)) {
            throw new IllegalStateException("no " + zip + ": ./halqe package builds the zips");
        }
        Files.createDirectories(into);
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IllegalStateException(zip + " has an entry outside its root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return into;
    }

    /** Where a class was loaded from: a directory or a jar. */
    public static Path codeOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyLauncher(Path classesRoot, Path into) throws IOException {
        Path from = classesRoot.resolve(LAUNCHER_PACKAGE);
        Path to = Files.createDirectories(into.resolve(LAUNCHER_PACKAGE));
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(LambdaZips::launcherClass).toList()) {
                Files.copy(file, to.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** LambdaLauncher.class and its nested and anonymous classes (LambdaLauncher$1.class, ...). */
    private static boolean launcherClass(Path file) {
        String name = file.getFileName().toString();
        return name.equals(LambdaLauncher.class.getSimpleName() + ".class")
                || name.startsWith(LambdaLauncher.class.getSimpleName() + "$") && name.endsWith(".class");
    }
}
