package dev.lookahead.ui;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The samples shipped inside the jar (the repository's {@code samples/} folder): graphs, proofs, dialogue. */
public final class SampleLibrary {
    private SampleLibrary() {
    }

    /** Top-level sample graphs (at most 9 vertices each), sorted by name; empty if none are packaged. */
    public static List<Path> graphs() {
        Path folder = root();
        if (folder == null) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** A shipped sample by its path under {@code samples/}, e.g. "dialogue/synthetic-log.jsonl"; null if not packaged. */
    public static Path sample(String relative) {
        Path folder = root();
        if (folder == null) return null;
        Path file = folder.resolve(relative);
        return Files.isRegularFile(file) ? file : null;
    }

    private static Path root() {
        URL url = SampleLibrary.class.getResource("/samples");
        if (url == null) return null;
        try {
            return folder(url.toURI());
        } catch (IOException | URISyntaxException e) {
            return null;
        }
    }

    private static Path folder(URI uri) throws IOException {
        if (!"jar".equals(uri.getScheme())) return Path.of(uri);
        FileSystem jar;
        try {
            jar = FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            jar = FileSystems.getFileSystem(uri);
        }
        return jar.getPath("/samples");
    }

    /** A readable name: "balanced-lookahead-4.json" becomes "balanced lookahead 4". */
    public static String title(Path sample) {
        String name = sample.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.')).replace('-', ' ');
    }
}
