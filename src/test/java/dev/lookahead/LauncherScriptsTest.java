package dev.lookahead;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher the build writes runs the jar with the Java that wrote it, not the PATH's. */
class LauncherScriptsTest {
    @TempDir
    Path dir;

    @Test
    void theLauncherRunsTheJarWithTheBuildsJavaAndSaysWhatToDoWhenThatJavaIsGone() throws Exception {
        LauncherScripts.main(new String[] {dir.toString()});
        Path launcher = dir.resolve("lookahead");
        assertThat(launcher).isExecutable();
        assertThat(dir.resolve("lookahead.cmd")).content().contains("%~dp0lookahead.jar");
        Path called = dir.resolve("called.txt");
        Path java = dir.resolve("jdk/bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\necho \"$*\" > '" + called + "'\n");
        java.toFile().setExecutable(true);

        ProcessBuilder run = new ProcessBuilder(launcher.toString(), "generate", "--count", "2").redirectErrorStream(true);
        run.environment().put("LOOKAHEAD_JAVA", java.toString());
        Process process = run.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(Files.readString(called)).isEqualTo("-jar " + dir.toRealPath().resolve("lookahead.jar") + " generate --count 2\n");
        assertThat(Files.readString(launcher)).contains(Path.of(System.getProperty("java.home"), "bin", "java").toString());

        ProcessBuilder gone = new ProcessBuilder(launcher.toString()).redirectErrorStream(true);
        gone.environment().put("LOOKAHEAD_JAVA", dir.resolve("no-such-jdk/bin/java").toString());
        Process refused = gone.start();
        assertThat(refused.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.exitValue()).isEqualTo(1);
        assertThat(new String(refused.getInputStream().readAllBytes())).contains("rebuild").contains("LOOKAHEAD_JAVA");
    }
}
