package dev.lookahead;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rooms keep their walls: only the window's room may use the window toolkit. */
class RoomsTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/lookahead");

    @Test
    void noCodeOutsideTheUiRoomImportsJavaFx() throws Exception {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !SOURCES.relativize(f).startsWith("ui"))
                    .filter(RoomsTest::importsJavaFx)
                    .map(f -> SOURCES.relativize(f).toString())
                    .toList();
        }
        assertThat(offenders).as("files outside ui/ that import JavaFX, ControlsFX or JFreeChart's JavaFX viewer").isEmpty();
    }

    private static boolean importsJavaFx(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip)
                    .anyMatch(l -> l.startsWith("import javafx.") || l.startsWith("import org.controlsfx.") || l.startsWith("import org.jfree.chart.fx."));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
