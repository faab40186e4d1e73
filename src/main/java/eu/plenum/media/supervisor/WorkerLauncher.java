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
 * jar when the app runs from it, otherwise from the app's own class path (tests, dev mode).
 */
@ApplicationScoped
class WorkerLauncher {

    private final MediaConfig config;

    WorkerLauncher(MediaConfig config) {
        this.config = config;
    }

    WorkerProcess start() {
        String secret = SecretTokens.next();
        ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true);
        WorkerEnvironment.restrict(builder.environment());
        builder.environment().put(WorkerProtocol.SECRET_ENV, secret);
        try {
            return new WorkerProcess(builder.start(), secret);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a media worker process", e);
        }
    }

    List<String> command() {
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
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.endsWith("quarkus-run.jar") && !classPath.contains(File.pathSeparator)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, "eu.plenum.PlenumMain"));
        }
        return command;
    }
}
