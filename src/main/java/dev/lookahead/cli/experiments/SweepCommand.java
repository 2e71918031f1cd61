package dev.lookahead.cli.experiments;

import dev.lookahead.cli.InputFile;
import dev.lookahead.cli.OutputFile;
import dev.lookahead.cli.ProgressBar;
import dev.lookahead.cli.StopOnInterrupt;
import dev.lookahead.cli.TrainingPrinter;
import dev.lookahead.experiments.SlurmScript;
import dev.lookahead.experiments.Sweep;
import dev.lookahead.experiments.SweepJob;
import dev.lookahead.experiments.SweepSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sweep", description = "Train a grid of models (graph size, layers, hidden size, distribution, seeds) one after another, "
        + "or write a SLURM job array for it; results gathered in the folder.",
        subcommands = SweepCollectCommand.class)
public final class SweepCommand implements Callable<Integer> {
    @InputFile
    @Option(names = "--spec", description = "The grid as JSON: n, layers, hidden, distribution, seeds (lists) and examples (the budget per job).")
    Path spec;

    @OutputFile
    @Option(names = "--out", description = "The sweep's folder: sweep.json, jobs/<id>/, results.jsonl, results.md.")
    Path out;

    @Option(names = "--resume", description = "Continue the sweep in --out: finished jobs are kept, an interrupted one resumes from its checkpoint.")
    boolean resume;

    @Option(names = "--slurm", description = "Write --out/sweep.sbatch (a SLURM job array, one task per job) instead of running here.")
    boolean slurm;

    @Option(names = "--job", paramLabel = "K", description = "Run only job K (0-based; what each SLURM array task does).")
    Integer job;

    @InputFile
    @Option(names = "--jar", description = "With --slurm: the lookahead jar the cluster runs (default: this one).")
    Path jar;

    @Override
    public Integer call() throws Exception {
        if (out == null) throw new IllegalArgumentException("give --out DIR, the sweep's folder");
        if (spec == null && !resume) throw new IllegalArgumentException("give --spec FILE.json (or --resume to continue the sweep in " + out + ")");
        Sweep sweep = Sweep.create(spec == null ? null : SweepSpec.read(spec), out, resume || job != null);
        List<SweepJob> jobs = sweep.jobs();
        if (slurm) {
            Path script = SlurmScript.write(sweep, jar != null ? jar : runningJar());
            System.err.printf("wrote %s: %d array tasks, one per job; submit it with sbatch, then gather with: sweep collect %s%n",
                    script, jobs.size(), out);
            return 0;
        }
        if (job != null && (job < 0 || job >= jobs.size())) {
            throw new IllegalArgumentException("--job " + job + " is out of range: the sweep has jobs 0.." + (jobs.size() - 1));
        }
        ProgressBar bar = new ProgressBar();
        TrainingPrinter printer = new TrainingPrinter(bar, "");
        try (StopOnInterrupt interrupt = new StopOnInterrupt()) {
            if (job != null) {
                SweepJob one = jobs.get(job);
                printer.jobStarted(one, 0, jobs.size());
                var result = sweep.runJob(one, printer, interrupt::requested);
                if (result != null) printer.jobFinished(result);
            } else {
                sweep.run(printer, interrupt::requested);
            }
            if (interrupt.requested()) {
                bar.println("stopped at a checkpoint; continue with: sweep --out " + out + " --resume");
                return 0;
            }
        }
        if (job == null) {
            long finished = jobs.stream().filter(sweep::finished).count();
            bar.println(String.format("%d of %d jobs finished; table in %s", finished, jobs.size(), out.resolve(Sweep.TABLE)));
        }
        return 0;
    }

    /** The jar this command runs from; a build from classes (tests, an IDE) names the jar Maven would build. */
    private static Path runningJar() throws Exception {
        Path location = Path.of(SweepCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.isRegularFile(location) ? location : Path.of("target", "lookahead.jar").toAbsolutePath();
    }
}
