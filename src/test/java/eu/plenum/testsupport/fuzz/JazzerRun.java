package eu.plenum.testsupport.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one fuzz target under Jazzer's standalone driver in a child JVM: first every input of the
 * committed seed corpus (src/test/resources/fuzz/&lt;Target&gt;, regression), then coverage-guided
 * fuzzing for the given seconds. A child per target because libFuzzer fuzzes one target per process.
 */
public final class JazzerRun {

    private static final Pattern EXECUTED = Pattern.compile("stat::number_of_executed_units: +(\\d+)");
    private static final Pattern PER_SECOND = Pattern.compile("stat::average_exec_per_sec: +(\\d+)");

    /** What a run did; {@code finding} holds the crashing input's file when the target failed. */
    public record Result(String target, int exitCode, long executions, long perSecond, int seeds, String output, Path finding) {

        public boolean passed() {
            return exitCode == 0;
        }
    }

    private JazzerRun() {
    }

    /** Fuzzes {@code target} for {@code seconds} from a random start (a new path every run: benchmarks, long runs). */
    public static Result run(Class<?> target, int seconds) throws IOException, InterruptedException {
        return run(target, seconds, 0);
    }

    /**
     * Fuzzes {@code target} for {@code seconds}; a {@code seed} other than 0 makes the run repeatable (libFuzzer's
     * {@code -seed}), so that the test suite does not fail one run in many on an input no run before met.
     */
    public static Result run(Class<?> target, int seconds, int seed) throws IOException, InterruptedException {
        Path seedDir = Path.of("src/test/resources/fuzz", target.getSimpleName()).toAbsolutePath();
        Files.createDirectories(seedDir);
        Path work = Files.createTempDirectory("fuzz-" + target.getSimpleName());
        Path corpus = Files.createDirectories(work.resolve("corpus"));
        Path artifacts = Files.createDirectories(work.resolve("artifacts"));
        String classPath = classPath();
        Path argFile = work.resolve("java.args");
        Files.writeString(argFile, "-cp\n\"" + classPath.replace("\\", "\\\\") + "\"\n");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + argFile, "-Xmx384m", "-XX:+UseSerialGC", "-XX:+EnableDynamicAgentLoading", "--enable-native-access=ALL-UNNAMED",
                "com.code_intelligence.jazzer.Jazzer",
                "--target_class=" + target.getName(),
                "--instrumentation_includes=eu.plenum.**",
                "--reproducer_path=" + artifacts,
                "-max_total_time=" + seconds,
                "-print_final_stats=1",
                "-seed=" + seed,
                "-timeout=10",
                "-rss_limit_mb=1536",
                "-artifact_prefix=" + artifacts + "/",
                corpus.toString(), seedDir.toString()));
        Path log = work.resolve("jazzer.log");
        // Started through a shell that forks it, not straight from this JVM: a process spawned by a JVM inherits that
        // JVM's peak RSS as its own (Linux keeps the peak across vfork + exec), and libFuzzer's -rss_limit_mb reads
        // the peak: from a test JVM of 3 GB every target "ran out of memory" at its first input.
        List<String> forked = new ArrayList<>(List.of("/bin/sh", "-c", "\"$@\" & wait $!", "fuzz"));
        forked.addAll(command);
        Process process = new ProcessBuilder(forked).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(seconds + 240L, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Path finding;
        try (var files = Files.list(artifacts)) {
            finding = files.filter(file -> file.getFileName().toString().matches("(crash|timeout|oom|leak)-.*")).findFirst().orElse(null);
        }
        int seeds;
        try (var files = Files.list(seedDir)) {
            seeds = (int) files.count();
        }
        return new Result(target.getSimpleName(), process.isAlive() ? -1 : process.exitValue(), stat(EXECUTED, output),
                stat(PER_SECOND, output), seeds, output, finding);
    }

    /** The test class path, also when Surefire hands the JVM only a manifest jar that lists it. */
    private static String classPath() throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        if (classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return classPath;
        }
        try (var jar = new java.util.jar.JarFile(classPath)) {
            String listed = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue("Class-Path");
            if (listed == null) {
                return classPath;
            }
            List<String> entries = new ArrayList<>();
            for (String url : listed.trim().split("\\s+")) {
                entries.add(Path.of(java.net.URI.create(url).isAbsolute() ? java.net.URI.create(url)
                        : Path.of(classPath).toAbsolutePath().getParent().toUri().resolve(url)).toString());
            }
            return String.join(java.io.File.pathSeparator, entries);
        }
    }

    private static long stat(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        long value = -1;
        while (matcher.find()) {
            value = Long.parseLong(matcher.group(1));
        }
        return value;
    }
}
