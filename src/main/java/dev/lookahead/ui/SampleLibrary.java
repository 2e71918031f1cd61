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

/** The sample graphs shipped inside the jar (the repository's {@code samples/} folder). */
public final class SampleLibrary {
    private SampleLibrary() {
    }

    /** Top-level sample graphs (at most 9 vertices each), sorted by name; empty if none are packaged. */
    public static List<Path> graphs() {
        URL url = SampleLibrary.class.getResource("/samples");
        if (url == null) return List.of();
        try {
            Path folder = folder(url.toURI());
            try (Stream<Path> files = Files.list(folder)) {
                return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            }
        } catch (IOException | URISyntaxException e) {
            return List.of();
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
