package eu.plenum.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A coturn (Debian's turnserver) with deploy/eu-regions/base/turnserver.conf in a network namespace of its own that has
 * only {@code lo}: whatever it relays, even to a denied address, never leaves the namespace. Clients and peers
 * run in the same namespace ({@link #run}, {@link #start}). Loopback is the platform's own media address here,
 * so it is let through as production lets the media nodes through ({@code allowed-peer-ip}).
 */
public final class TurnServer implements AutoCloseable {

    public static final int PORT = 3478;

    private final String namespace;
    private final String secret;
    private final Path log;
    private final List<Process> processes = new ArrayList<>();
    private int port = PORT;

    private TurnServer(String namespace, String secret, Path log) {
        this.namespace = namespace;
        this.secret = secret;
        this.log = log;
    }

    /**
     * A coturn in the caller's own namespace (the test JVM's, which has only loopback) on a free port, so that a
     * browser and the app's media workers there reach it; its port is {@link #port()}.
     */
    public static TurnServer startHere(String secret) {
        int port = FreePorts.next();
        try {
            Path log = Files.createTempFile("plenum-turnserver-", ".log");
            TurnServer server = new TurnServer(null, secret, log);
            server.port = port;
            server.processes.add(new ProcessBuilder(List.of("turnserver",
                    "-c", ProjectPaths.root().resolve("deploy/eu-regions/base/turnserver.conf").toString(),
                    "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", "--listening-port=" + port,
                    "--static-auth-secret=" + secret, "--allow-loopback-peers", "--allowed-peer-ip=127.0.0.1",
                    "--no-tls", "--no-dtls", "--pidfile=/dev/null", "--userdb=" + log + ".db"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start());
            server.awaitLog("Total General servers");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    public static TurnServer start(String secret) {
        String namespace = "plenum-turn-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try {
            Path log = Files.createTempFile("plenum-turnserver-", ".log");
            exec(List.of("ip", "netns", "add", namespace));
            TurnServer server = new TurnServer(namespace, secret, log);
            exec(server.inNamespace(List.of("ip", "link", "set", "lo", "up")));
            server.processes.add(new ProcessBuilder(server.inNamespace(List.of("turnserver",
                    "-c", ProjectPaths.root().resolve("deploy/eu-regions/base/turnserver.conf").toString(),
                    "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", "--listening-port=" + PORT,
                    "--static-auth-secret=" + secret, "--allow-loopback-peers", "--allowed-peer-ip=127.0.0.1",
                    "--no-tls", "--no-dtls", "--pidfile=/dev/null", "--userdb=" + log + ".db")))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start());
            server.awaitLog("Total General servers");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String secret() {
        return secret;
    }

    /** What the server logged so far. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command in the server's namespace to its end (at most 60 s); its exit code and output. */
    public Result run(String... command) {
        try {
            Process process = new ProcessBuilder(inNamespace(List.of(command))).redirectErrorStream(true).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return new Result(process.waitFor(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a long-running command (a peer) in the namespace; stopped with the server. */
    public Process start(String... command) {
        try {
            Process process = new ProcessBuilder(inNamespace(List.of(command))).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            processes.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Result(int exitCode, String output) {
    }

    private List<String> inNamespace(List<String> command) {
        if (namespace == null) {
            return command;
        }
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(command);
        return full;
    }

    private void awaitLog(String line) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!log().contains(line)) {
            if (System.nanoTime() > deadline || !processes.get(0).isAlive()) {
                String output = log();
                close();
                throw new IllegalStateException("turnserver did not start:\n" + output);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void exec(List<String> command) throws IOException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        // ip netns exec execs the command, so each process is the server or peer itself.
        for (Process process : processes.reversed()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            if (namespace != null) {
                exec(List.of("ip", "netns", "del", namespace));
            }
            Files.deleteIfExists(log);
            Files.deleteIfExists(Path.of(log + ".db"));
        } catch (IOException | IllegalStateException e) {
            System.err.println("could not remove network namespace " + namespace + ": " + e.getMessage());
        }
    }
}
