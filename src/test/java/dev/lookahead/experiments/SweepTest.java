package dev.lookahead.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lookahead.cli.LookaheadCommand;
import dev.lookahead.io.Json;
import dev.lookahead.train.LearningCurve;
import dev.lookahead.train.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {
    /** Two seeds of a one-layer model at n = 17; 46 steps of 64 examples per job. */
    private static final String SPEC = """
            {"n": [17], "layers": [1], "hidden": [4], "seeds": [1, 2], "examples": 2944, "batch": 64, "warmup": 10,
             "eval_per_lookahead": 20}""";

    @TempDir
    Path dir;

    private SweepSpec spec() {
        return SweepSpec.fromJson(readJson(SPEC));
    }

    private static com.fasterxml.jackson.databind.JsonNode readJson(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anInterruptedSweepResumesItsUnfinishedJobAndKeepsTheFinishedOne() throws Exception {
        Path folder = dir.resolve("sweep");
        Sweep sweep = Sweep.create(spec(), folder, false);
        List<SweepJob> jobs = sweep.jobs();
        assertThat(jobs).extracting(SweepJob::id).containsExactly("n17-l1-h4-balanced-s1", "n17-l1-h4-balanced-s2");

        // the trainer asks once per step: stop part-way through the second job
        AtomicInteger asked = new AtomicInteger();
        sweep.run(new Sweep.Listener() { }, () -> asked.incrementAndGet() > 46 + 2 + 12);
        assertThat(sweep.finished(jobs.get(0))).isTrue();
        assertThat(sweep.finished(jobs.get(1))).isFalse();
        Path second = sweep.jobFolder(jobs.get(1));
        long stepsBefore;
        try (TrainingRun interrupted = TrainingRun.resume(second, null)) {
            stepsBefore = interrupted.stepsDone();
        }
        assertThat(stepsBefore).isBetween(1L, 45L);
        Path firstResult = sweep.jobFolder(jobs.get(0)).resolve(Sweep.RESULT);
        Files.setLastModifiedTime(firstResult, FileTime.fromMillis(1_000_000));
        String firstBefore = Files.readString(firstResult);
        List<String> logBefore = Files.readAllLines(second.resolve(TrainingRun.LOG));

        assertThatThrownBy(() -> Sweep.create(spec(), folder, false)).hasMessageContaining("--resume");
        SweepSpec other = SweepSpec.fromJson(readJson(SPEC.replace("[1, 2]", "[1, 2, 3]")));
        assertThatThrownBy(() -> Sweep.create(other, folder, true)).hasMessageContaining("differs");

        Sweep resumed = Sweep.create(null, folder, true);
        resumed.run(new Sweep.Listener() { }, () -> false);
        assertThat(resumed.finished(jobs.get(1))).isTrue();
        assertThat(Files.getLastModifiedTime(firstResult).toMillis()).isEqualTo(1_000_000);
        assertThat(Files.readString(firstResult)).isEqualTo(firstBefore);
        // the resumed job's log runs on from where it stopped, to the full budget
        assertThat(Files.readAllLines(second.resolve(TrainingRun.LOG))).startsWith(logBefore.toArray(String[]::new));
        assertThat(LearningCurve.read(second).training().getLast().examples()).isEqualTo(2944);

        List<JobResult> results = Sweep.collect(folder);
        assertThat(results).hasSize(2);
        JobResult r = results.get(1);
        assertThat(r.parameters()).isEqualTo(jobs.get(1).config().model().parameterCount());
        assertThat(r.flops()).isEqualTo(6.0 * 2944 * r.parameters());
        assertThat(r.testAccuracy()).containsKeys("1");
        assertThat(r.testAccuracy()).as("at n = 17 no naive graph has its goal two steps from a start with two children")
                .doesNotContainKey("naive");
        assertThat(r.converged()).isEqualTo(r.bestTrainAccuracy() >= 0.995);
        assertThat(Files.readAllLines(folder.resolve(Sweep.RESULTS))).hasSize(2);
        assertThat(Files.readString(folder.resolve(Sweep.TABLE))).contains("2 of 2 jobs finished", "n17-l1-h4-balanced-s2");
    }

    @Test
    void theSlurmScriptIsValidBashWithOneArrayTaskPerJobAndItsTasksAreWhatCollectReads() throws Exception {
        Path folder = dir.resolve("cluster");
        Sweep sweep = Sweep.create(SweepSpec.fromJson(readJson(SPEC.replace("\"n\": [17]", "\"n\": [17, 20]"))), folder, false);
        Path script = SlurmScript.write(sweep, dir.resolve("lookahead.jar"));
        String text = Files.readString(script);
        assertThat(text).startsWith("#!/usr/bin/env bash").contains("#SBATCH --array=0-3\n");
        assertThat(text.lines().filter(l -> l.startsWith("#   ")).count()).isEqualTo(4);
        Process check = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(new String(check.getInputStream().readAllBytes())).isZero();
        // every #SBATCH line comes before the first command, or sbatch ignores it
        List<String> lines = text.lines().toList();
        int firstCommand = lines.indexOf("set -euo pipefail");
        assertThat(lines.subList(firstCommand, lines.size())).noneMatch(l -> l.startsWith("#SBATCH"));

        // what array task 2 runs, then the collector
        assertThat(LookaheadCommand.execute("sweep", "--out", folder.toString(), "--resume", "--job", "2")).isZero();
        assertThat(sweep.finished(sweep.jobs().get(2))).isTrue();
        assertThat(sweep.jobs().stream().filter(sweep::finished)).hasSize(1);
        Path summary = dir.resolve("collected.json");
        Path plots = dir.resolve("plots");
        assertThat(LookaheadCommand.execute("sweep", "collect", folder.toString(), "--json", summary.toString(), "--figures", plots.toString()))
                .isZero();
        for (String plot : List.of("converged-vs-n", "test-loss-vs-n", "loss-vs-examples", "loss-vs-flops")) {
            assertThat(plots.resolve(plot + ".pdf")).as(plot).isNotEmptyFile();
        }
        var json = Json.MAPPER.readTree(summary.toFile());
        assertThat(json.get("jobs").asInt()).isEqualTo(4);
        assertThat(json.get("finished").asInt()).isEqualTo(1);
        assertThat(json.get("results").get(0).get("id").asText()).isEqualTo("n20-l1-h4-balanced-s1");
        assertThat(json.get("settings").get(0).get("seeds").asInt()).isEqualTo(1);
    }

    @Test
    void aSweepFolderWithALineBreakInItsPathGetsNoScript() throws Exception {
        Path folder = dir.resolve("two\nlines");
        Sweep sweep = Sweep.create(SweepSpec.fromJson(readJson(SPEC)), folder, false);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SlurmScript.write(sweep, dir.resolve("lookahead.jar")))
                .hasMessageContaining("line break");
        assertThat(folder.resolve(SlurmScript.FILE)).doesNotExist();
    }

    @Test
    void theSlurmScriptRunsItsTaskWithTheJavaThatWroteItAndRefusesAnOlderOneInOneLine() throws Exception {
        Path folder = dir.resolve("cluster-java");
        Sweep sweep = Sweep.create(SweepSpec.fromJson(readJson(SPEC)), folder, false);
        Path called = dir.resolve("called.txt");
        Path java21 = fakeJava(dir.resolve("jdk21/bin/java"), 21, called);
        Path java17 = fakeJava(dir.resolve("jdk17/bin/java"), 17, called);
        Path script = SlurmScript.write(sweep, dir.resolve("lookahead.jar"), java21);

        // an array task as sbatch starts it, on a node whose own java is 17: the script's Java runs the job
        ProcessBuilder task = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        task.environment().put("SLURM_ARRAY_TASK_ID", "0");
        task.environment().put("PATH", java17.getParent() + ":" + System.getenv("PATH"));
        assertThat(run(task)).isZero();
        assertThat(Files.readString(called)).isEqualTo("21 -jar " + dir.resolve("lookahead.jar").toAbsolutePath().normalize()
                + " sweep --out " + folder.toAbsolutePath().normalize() + " --resume --job 0\n");

        // told to use Java 17: one clear line, and nothing run
        Files.delete(called);
        ProcessBuilder old = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        old.environment().put("SLURM_ARRAY_TASK_ID", "0");
        old.environment().put("JAVA", java17.toString());
        Process refused = old.start();
        assertThat(refused.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String said = new String(refused.getInputStream().readAllBytes());
        assertThat(refused.exitValue()).isEqualTo(1);
        assertThat(said.strip()).doesNotContain("\n").contains("needs Java 21 or newer").contains(java17.toString() + " is 17");
        assertThat(called).doesNotExist();
    }

    /** A stand-in for a JDK's java: it reports {@code version} and records what it was asked to run. */
    private static Path fakeJava(Path java, int version, Path called) throws Exception {
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/usr/bin/env bash\n"
                + "if [ \"$1\" = -XshowSettings:properties ]; then echo \"    java.specification.version = " + version + "\" >&2; exit 0; fi\n"
                + "echo \"" + version + " $*\" > '" + called + "'\n");
        java.toFile().setExecutable(true);
        return java;
    }

    private static int run(ProcessBuilder builder) throws Exception {
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.exitValue()).as(output).isZero();
        return process.exitValue();
    }

    @Test
    void collectReadsConvergenceFromEachJobsLogAsThePaperDoesAndKeepsTheMean50RuleBeside(@TempDir Path copy) throws Exception {
        Path committed = Path.of("docs/experiments/scaling");
        try (var files = Files.walk(committed)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("weights.bin")).toList()) {
                Path target = copy.resolve(committed.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        Path log = copy.resolve("jobs/n20-l4-h16-balanced-s1/log.jsonl");
        List<String> lines = Files.readAllLines(log);
        int last = lines.size() - 1;
        while (!lines.get(last).contains("\"loss\"")) last--;
        // one logged batch at 0.996 while the recent-steps mean stays below the threshold
        lines.set(last, lines.get(last).replace("}", ",\"batch_accuracy\":0.996}"));
        Files.write(log, lines);
        List<JobResult> results = Sweep.collect(copy);
        JobResult altered = results.stream().filter(r -> r.id().equals("n20-l4-h16-balanced-s1")).findFirst().orElseThrow();
        assertThat(altered.converged()).as("a logged batch reached 0.995").isTrue();
        assertThat(altered.convergedMean50()).as("its 50-step means never did").isFalse();
        JobResult untouched = results.stream().filter(r -> r.id().equals("n20-l4-h16-balanced-s2")).findFirst().orElseThrow();
        assertThat(untouched.converged()).isFalse();
        assertThat(results.stream().filter(JobResult::converged).count()).isEqualTo(4);
        String written = Files.readString(copy.resolve(Sweep.RESULTS));
        assertThat(written).contains("\"id\":\"n20-l4-h16-balanced-s1\"").contains("\"converged_mean50\":false");
        assertThat(Json.MAPPER.readTree(written.lines().filter(l -> l.contains("n20-l4-h16-balanced-s1")).findFirst().orElseThrow())
                .get("converged").asBoolean()).isTrue();
    }

    @Test
    void aMistakeInTheSpecNamesTheFileAndTheField() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"n\": [20], \"examples\": 1000, \"layer\": [2]}");
        assertThatThrownBy(() -> SweepSpec.read(file)).hasMessageContaining("bad.json").hasMessageContaining("\"layer\"");
        Files.writeString(file, "{\"n\": [20]}");
        assertThatThrownBy(() -> SweepSpec.read(file)).hasMessageContaining("\"examples\" is required");
        Files.writeString(file, "{\"n\": [20.5], \"examples\": 1000}");
        assertThatThrownBy(() -> SweepSpec.read(file)).hasMessageContaining("whole numbers");
        Files.writeString(file, "{\"n\": [20], \"examples\": 1000, \"distribution\": [\"balanced\", \"stars\"]}");
        assertThatThrownBy(() -> SweepSpec.read(file)).hasMessageContaining("stars");
        SweepSpec tooSmall = SweepSpec.fromJson(readJson("{\"n\": [14, 20], \"examples\": 1000}"));
        assertThatThrownBy(() -> Sweep.create(tooSmall, dir.resolve("small"), false)).hasMessageContaining("n = 14").hasMessageContaining("n >= 17");
        assertThat(dir.resolve("small")).doesNotExist();
        Files.writeString(file, "{\"n\": [20], ");
        assertThatThrownBy(() -> SweepSpec.read(file)).hasMessageContaining("bad.json").hasMessageContaining("not valid JSON");
    }

    @Test
    void theGridHasEveryCombinationInAFixedOrder() {
        SweepSpec grid = SweepSpec.fromJson(readJson("""
                {"n": [20, 26], "layers": [2, 4], "hidden": [8], "distribution": ["naive", "mix"], "seeds": [1, 2, 3], "examples": 5000}"""));
        List<SweepJob> jobs = grid.jobs();
        assertThat(jobs).hasSize(2 * 2 * 2 * 3);
        assertThat(jobs.get(0).id()).isEqualTo("n20-l2-h8-naive-s1");
        assertThat(jobs.get(3).config().distributions()).hasSize(3);
        assertThat(jobs.getLast().id()).isEqualTo("n26-l4-h8-mix-s3");
        assertThat(jobs.getLast().config().maxLookahead()).isEqualTo(3);
        assertThat(jobs).extracting(SweepJob::index).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 24).boxed().toList());
        assertThat(SweepSpec.fromJson(grid.toJson())).isEqualTo(grid);
    }

    @Test
    void anInContextSweepTrainsItsTaskAndReportsEveryBucketAndRolloutAccuracy() throws Exception {
        SweepSpec spec = SweepSpec.fromJson(readJson("""
                {"task": "dfs", "n": [20], "layers": [1], "hidden": [4], "seeds": [1], "examples": 128, "batch": 64, "eval_per_lookahead": 5}"""));
        assertThat(spec.jobs().getFirst().id()).isEqualTo("n20-l1-h4-dfs-s1");
        assertThat(spec.jobs().getFirst().config().maxLookahead()).as("T - 1 = 3 at n = 20").isEqualTo(3);
        assertThat(SweepSpec.fromJson(spec.toJson())).isEqualTo(spec);
        assertThatThrownBy(() -> SweepSpec.fromJson(readJson("{\"task\": \"si\", \"n\": [20], \"examples\": 64, \"distribution\": [\"naive\"]}")))
                .hasMessageContaining("\"distribution\" belongs to the search task");

        Sweep sweep = Sweep.create(spec, dir.resolve("dfs"), false);
        sweep.run(new Sweep.Listener() { }, () -> false);
        List<JobResult> results = Sweep.collect(dir.resolve("dfs"));
        assertThat(results).hasSize(1);
        assertThat(results.getFirst().testAccuracy().keySet()).containsExactly("-1", "0", "1", "2", "3", "rollout");
        assertThat(Files.readString(dir.resolve("dfs").resolve(Sweep.TABLE))).contains("acc -1").contains("acc rollout");
        assertThat(dev.lookahead.figures.SweepCharts.all(results, sweep.curves())).containsKeys("accuracy-vs-n", "buckets-vs-n");
    }
}
