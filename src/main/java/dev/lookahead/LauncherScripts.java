package dev.lookahead;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes {@code lookahead} (POSIX shells) and {@code lookahead.cmd} (Windows) beside the jar: each runs the jar with the
 * Java that runs this class - the JDK 21+ the build found - so the command line works wherever the build did, even
 * where the {@code java} on the PATH is older. The build runs it after packaging (pom.xml); {@code LOOKAHEAD_JAVA}
 * overrides the Java at run time.
 */
public final class LauncherScripts {
    private LauncherScripts() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "target");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java").toAbsolutePath();
        write(folder.resolve("lookahead"), posix(java));
        write(folder.resolve("lookahead.cmd"), windows(java));
        folder.resolve("lookahead").toFile().setExecutable(true);
    }

    static String posix(Path java) {
        String quoted = java.toString().replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`");
        return """
                #!/bin/sh
                # The lookahead command line with the JDK 21+ the build found (written by the build: see the README).
                # LOOKAHEAD_JAVA=/path/to/java overrides it.
                here=$(cd "$(dirname "$0")" && pwd)
                java="${LOOKAHEAD_JAVA:-%s}"
                if [ ! -x "$java" ]; then
                  echo "lookahead: $java is not there any more; rebuild (mvn -q -DskipTests package) or set LOOKAHEAD_JAVA to a JDK 21+ java" >&2
                  exit 1
                fi
                exec "$java" -jar "$here/lookahead.jar" "$@"
                """.formatted(quoted);
    }

    static String windows(Path java) {
        return """
                @echo off\r
                rem The lookahead command line with the JDK 21+ the build found (written by the build: see the README).\r
                if defined LOOKAHEAD_JAVA (set "LOOKAHEAD_RUN=%%LOOKAHEAD_JAVA%%") else (set "LOOKAHEAD_RUN=%s.exe")\r
                "%%LOOKAHEAD_RUN%%" -jar "%%~dp0lookahead.jar" %%*\r
                """.formatted(java);
    }

    private static void write(Path file, String text) throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Files.writeString(part, text, StandardCharsets.UTF_8);
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
