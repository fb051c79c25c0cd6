package io.halqe.local.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the Java sources of a file or directory name, for tests that hold the template to the code. */
final class Sources {

    private Sources() {
    }

    /** Each match's first group in the {@code .java} files at {@code sources}; none when there are none. */
    static Set<String> named(Path sources, Pattern pattern) throws IOException {
        Set<String> found = new TreeSet<>();
        if (!Files.exists(sources)) {
            return found;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    found.add(matcher.group(1));
                }
            }
        }
        return found;
    }
}
