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

    /**
     * Writes {@code sweep.sbatch} into the sweep's folder.
     *
     * @param jar the lookahead jar the tasks run (overridable at submission with {@code LOOKAHEAD_JAR})
     */
    public static Path write(Sweep sweep, Path jar) throws IOException {
        Path script = sweep.folder().resolve(FILE);
        AtomicFiles.writeString(script, text(sweep, jar));
        script.toFile().setExecutable(true);
        return script;
    }

    static String text(Sweep sweep, Path jar) {
        List<SweepJob> jobs = sweep.jobs();
        String folder = sweep.folder().toAbsolutePath().normalize().toString();
        StringBuilder s = new StringBuilder();
        s.append("#!/usr/bin/env bash\n");
        s.append("# The lookahead sweep in ").append(folder).append(" as a SLURM job array: one array task per job.\n");
        s.append("# Submit:  sbatch ").append(quote(folder + "/" + FILE)).append('\n');
        s.append("# Gather:  java -jar ").append(quote(jar.toString())).append(" sweep collect ").append(quote(folder)).append('\n');
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
        s.append("\njar=\"${LOOKAHEAD_JAR:-").append(jar.toAbsolutePath().normalize().toString().replace("\"", "\\\"").replace("$", "\\$")).append("}\"\n");
        s.append("exec \"${JAVA:-java}\" -jar \"$jar\" sweep --out ").append(quote(folder))
                .append(" --resume --job \"${SLURM_ARRAY_TASK_ID:?run this script with sbatch}\"\n");
        return s.toString();
    }

    /** A single-quoted bash word. */
    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
