package dev.lookahead;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rooms keep their walls: imports run one way, as each room's package-info says, and only the window's room uses the window toolkit. */
class RoomsTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/lookahead");
    private static final Set<String> CORE = Set.of("io", "stats", "search", "model", "interp", "inspect", "train",
            "experiments", "feedback", "proofs", "figures", "prefopt", "benchmarks", "judges");

    /** Which rooms each room may import (as its package-info says). */
    private static final Map<String, Set<String>> MAY_IMPORT = Map.ofEntries(
            Map.entry("io", Set.of()),
            Map.entry("stats", Set.of()),
            Map.entry("search", Set.of("io")),
            Map.entry("model", Set.of("io", "search")),
            Map.entry("interp", Set.of("io", "stats", "search", "model")),
            Map.entry("train", Set.of("io", "stats", "search", "model")),
            Map.entry("inspect", Set.of("search", "model", "interp")),
            Map.entry("experiments", Set.of("io", "stats", "search", "model", "train", "inspect")),
            Map.entry("feedback", Set.of("io", "stats")),
            Map.entry("proofs", Set.of("io", "stats")),
            Map.entry("prefopt", Set.of("io", "stats", "search", "model", "train", "judges")),
            Map.entry("benchmarks", Set.of("io", "stats")),
            Map.entry("judges", Set.of("io", "stats")),
            Map.entry("figures", Set.of("io", "stats", "search", "interp", "inspect", "train", "experiments", "feedback", "proofs", "prefopt", "judges", "benchmarks")),
            Map.entry("ui", new HashSet<>(CORE)),
            Map.entry("cli", new HashSet<>(List.of("io", "stats", "search", "model", "interp", "inspect", "train",
                    "experiments", "feedback", "proofs", "figures", "ui", "prefopt", "benchmarks", "judges"))));

    @Test
    void everyRoomImportsOnlyTheRoomsItsPackageInfoAllows() throws Exception {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) continue;
                String room = relative.getName(0).toString();
                assertThat(MAY_IMPORT).as("a room the test does not know: " + room + "; add it with what it may import").containsKey(room);
                for (String line : Files.readAllLines(file)) {
                    String l = line.strip();
                    if (!l.startsWith("import dev.lookahead.")) continue;
                    String imported = l.substring("import dev.lookahead.".length()).split("\\.")[0];
                    if (!imported.equals(room) && !MAY_IMPORT.get(room).contains(imported)) offenders.add(relative + " imports " + imported);
                }
            }
        }
        assertThat(offenders).as("imports against the rooms' order").isEmpty();
    }

    @Test
    void everyRoomHasAPackageInfoSayingWhatItMayImport() throws Exception {
        for (String room : MAY_IMPORT.keySet()) {
            Path info = SOURCES.resolve(room).resolve("package-info.java");
            assertThat(info).as(room).exists();
            assertThat(Files.readString(info)).as(room).containsAnyOf("May import", "may import");
        }
    }

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

    @Test
    void commentsCiteOnlyDocumentsThisRepositoryHolds() throws Exception {
        java.util.regex.Pattern cited = java.util.regex.Pattern.compile("[\\w./-]+\\.md\\b");
        List<String> missing = new ArrayList<>();
        for (Path root : List.of(SOURCES, Path.of("src/test/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    var m = cited.matcher(Files.readString(file));
                    while (m.find()) {
                        String name = m.group();
                        if (name.equals("results.md")) continue; // what a sweep writes, not a citation
                        boolean held = Files.exists(Path.of(name)) || Files.exists(Path.of("docs").resolve(name));
                        if (!held) missing.add(root.relativize(file) + " cites " + name);
                    }
                }
            }
        }
        assertThat(missing).as("documents a reader of the repository cannot open").isEmpty();
    }
}
