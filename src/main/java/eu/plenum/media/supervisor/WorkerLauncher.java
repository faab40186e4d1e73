package eu.plenum.media.supervisor;

import eu.plenum.media.worker.WorkerProtocol;
import eu.plenum.shared.SecretTokens;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a media worker: the same deployable with the {@code media-worker} role, from the packaged
 * jar when the app runs from it, otherwise from the app's own class path (tests, dev mode) — or,
 * under a user of its own, from the class path {@link WorkerIsolation} staged.
 */
@ApplicationScoped
class WorkerLauncher {

    private final MediaConfig config;
    private final WorkerIsolation isolation;

    WorkerLauncher(MediaConfig config, WorkerIsolation isolation) {
        this.config = config;
        this.isolation = isolation;
    }

    WorkerProcess start() {
        String secret = SecretTokens.next();
        WorkerIsolation.Plan plan = isolation.next(this::command);
        List<String> command = new ArrayList<>(plan.prefix());
        command.addAll(plan.classPath().map(this::command).orElseGet(this::command));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (!plan.prefix().isEmpty()) {
            builder.directory(new File("/")); // never the app's folder as its working directory
        }
        WorkerEnvironment.restrict(builder.environment());
        builder.environment().putAll(plan.environment());
        builder.environment().put(WorkerProtocol.SECRET_ENV, secret);
        try {
            Process process = builder.start();
            process.onExit().thenRun(plan.identity()::release);
            return new WorkerProcess(process, secret, plan.identity());
        } catch (IOException e) {
            plan.identity().release();
            throw new UncheckedIOException("Cannot start a media worker process", e);
        }
    }

    /** How workers run on this node (their own user ids, or the app's user and why). */
    String workerUser() {
        return isolation.workerUser();
    }

    void stopped() {
        isolation.cleanUp();
    }

    /** The worker's java command on a staged class path (the worker runs {@code PlenumMain} directly). */
    List<String> command(List<Path> classPath) {
        List<String> command = new ArrayList<>(jvm());
        command.addAll(List.of("-cp", classPath.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(File.pathSeparator)),
                "eu.plenum.PlenumMain"));
        return command;
    }

    List<String> command() {
        List<String> command = jvm();
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.endsWith("quarkus-run.jar") && !classPath.contains(File.pathSeparator)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, "eu.plenum.PlenumMain"));
        }
        return command;
    }

    private List<String> jvm() {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager"));
        if (Runtime.version().feature() >= 23) {
            // Netty (inside Vert.x) still uses sun.misc.Unsafe; JDK 23+ warns about it on every start.
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(config.workerJvmOptions());
        command.add("-Dplenum.roles=media-worker");
        List<String> profiles = ConfigUtils.getProfiles();
        if (!profiles.isEmpty()) {
            command.add("-Dquarkus.profile=" + String.join(",", profiles));
        }
        return command;
    }
}
