package dev.lookahead.experiments;

import dev.lookahead.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A SLURM job array that runs a sweep on a cluster's own scheduler: array task K runs job K of the
 * sweep folder (resuming it if a previous attempt was pre-empted), and writes the same folders the
 * local runner writes, so {@code sweep collect} gathers either.
 */
public final class SlurmScript {
    public static final String FILE = "sweep.sbatch";

    private SlurmScript() {
    }

    /** The Java 21+ that runs this workbench now: the one a script written here runs its tasks with, unless told otherwise. */
    public static Path thisJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toAbsolutePath();
    }

    /**
     * Writes {@code sweep.sbatch} into the sweep's folder; its tasks run with the Java that is running now.
     *
     * @param jar the lookahead jar the tasks run (overridable at submission with {@code LOOKAHEAD_JAR})
     */
    public static Path write(Sweep sweep, Path jar) throws IOException {
        return write(sweep, jar, thisJava());
    }

    /**
     * Writes {@code sweep.sbatch} into the sweep's folder.
     *
     * @param java the Java its tasks run with (overridable at submission with {@code JAVA}); the script checks that it is
     *             21 or newer before it starts, and stops with one line saying what to do when it is not
     */
    public static Path write(Sweep sweep, Path jar, Path java) throws IOException {
        Path script = sweep.folder().resolve(FILE);
        AtomicFiles.writeString(script, text(sweep, jar, java));
        script.toFile().setExecutable(true);
        return script;
    }

    static String text(Sweep sweep, Path jar, Path java) {
        List<SweepJob> jobs = sweep.jobs();
        String folder = oneLine("the sweep folder's path", sweep.folder().toAbsolutePath().normalize().toString());
        for (SweepJob job : jobs) oneLine("job " + job.index() + "'s name", job.id());
        oneLine("the jar's path", jar.toString());
        oneLine("the Java's path", java.toString());
        StringBuilder s = new StringBuilder();
        s.append("#!/usr/bin/env bash\n");
        s.append("# The lookahead sweep in ").append(folder).append(" as a SLURM job array: one array task per job.\n");
        s.append("# Submit:  sbatch ").append(quote(folder + "/" + FILE)).append('\n');
        s.append("# Gather:  ").append(quote(java.toString())).append(" -jar ").append(quote(jar.toString())).append(" sweep collect ")
                .append(quote(folder)).append('\n');
        s.append("# Java: the tasks run the Java that wrote this script; on a cluster whose nodes keep Java elsewhere, submit with\n");
        s.append("# JAVA=/path/to/jdk-21/bin/java sbatch ...  or, with environment modules, load one before the check below:\n");
        s.append("# module load java/21; export JAVA=java  (the module's name is your cluster's)\n");
        s.append("# Edit the resources below to suit your cluster; a task that is pre-empted resumes from its checkpoint when re-queued.\n");
        s.append("#SBATCH --job-name=lookahead-sweep\n");
        s.append("#SBATCH --array=0-").append(jobs.size() - 1).append('\n');
        s.append("#SBATCH --cpus-per-task=2\n");
        s.append("#SBATCH --mem=8G\n");
        s.append("#SBATCH --time=24:00:00\n");
        s.append("#SBATCH --requeue\n");
        s.append("#SBATCH --output=").append(folder).append("/jobs/slurm-%A_%a.out\n");
        s.append("set -euo pipefail\n\n");
        s.append("# task -> job\n");
        for (SweepJob job : jobs) s.append("#   ").append(job.index()).append("  ").append(job.id()).append('\n');
        s.append("\njar=\"${LOOKAHEAD_JAR:-").append(doubleQuoted(jar.toAbsolutePath().normalize().toString())).append("}\"\n");
        s.append("java=\"${JAVA:-").append(doubleQuoted(java.toString())).append("}\"\n");
        s.append("version=$(\"$java\" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1 || true)\n");
        s.append("if ! [ \"${version:-0}\" -ge 21 ] 2>/dev/null; then\n");
        s.append("  echo \"lookahead needs Java 21 or newer, and $java is ${version:-not a Java it can run}:\"");
        s.append(" \"submit with JAVA=/path/to/jdk-21/bin/java (or load a Java 21 module first)\" >&2\n");
        s.append("  exit 1\n");
        s.append("fi\n");
        s.append("exec \"$java\" -jar \"$jar\" sweep --out ").append(quote(folder))
                .append(" --resume --job \"${SLURM_ARRAY_TASK_ID:?run this script with sbatch}\"\n");
        return s.toString();
    }

    /**
     * {@code text}, refused when it holds a line break or another control character: the script names it in comments
     * and #SBATCH lines, where a line break would end the comment and run the rest as a command.
     */
    private static String oneLine(String what, String text) {
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " holds a line break or another control character, which a SLURM script cannot"
                    + " name safely; choose a --out (or distribution name) without one");
        }
        return text;
    }

    /** Text to put inside a bash double-quoted word. */
    private static String doubleQuoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`");
    }

    /** A single-quoted bash word. */
    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
