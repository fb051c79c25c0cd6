package io.halqe.domain.analytics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The analyzer's word lists on the classpath: UTF-8 lines, stripped, without blank lines and {@code #} comments. */
final class ResourceLines {

    /** @param number the line's number in the file, from 1, for error messages */
    record Line(int number, String text) {
    }

    private ResourceLines() {
    }

    static List<Line> read(String resource) {
        List<Line> lines = new ArrayList<>();
        try (InputStream in = ResourceLines.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int number = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                number++;
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    lines.add(new Line(number, line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
