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
 * Network namespaces with only {@code lo} for tests that place servers "elsewhere" (an edge in a third
 * country, an attendee behind it): nothing in such a namespace reaches anything but the ports a test
 * {@link #forward}s into it, each a socat pair joined over a Unix socket (the file system is shared, the
 * network is not). Everything stays on loopback. Close to stop the forwarders and delete the namespaces.
 */
public final class Netns implements AutoCloseable {

    /** The root namespace, where the test JVM and the origin run. */
    public static final String ROOT = "";

    private final Path dir;
    private final List<String> namespaces = new ArrayList<>();
    private final List<Process> forwarders = new ArrayList<>();

    public Netns() {
        try {
            dir = Files.createTempDirectory("plenum-netns-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new namespace with only loopback up; its name starts with {@code prefix}. */
    public String create(String prefix) {
        String name = prefix + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        exec(List.of("ip", "netns", "add", name));
        namespaces.add(name);
        exec(List.of("ip", "-n", name, "link", "set", "lo", "up"));
        return name;
    }

    /** The command, run in {@code namespace} ({@link #ROOT}: unchanged). */
    public static List<String> in(String namespace, List<String> command) {
        if (namespace.isEmpty()) {
            return command;
        }
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(command);
        return full;
    }

    /** Makes 127.0.0.1:{@code port} of {@code to} reachable at 127.0.0.1:{@code port} in {@code from}; returns once it listens. */
    public void forward(String from, String to, int port) {
        Path socket = dir.resolve(port + "-" + forwarders.size() + ".sock");
        start(in(to, List.of("socat", "UNIX-LISTEN:" + socket + ",fork,unlink-early", "TCP:127.0.0.1:" + port)));
        start(in(from, List.of("socat", "TCP-LISTEN:" + port + ",bind=127.0.0.1,fork,reuseaddr", "UNIX-CONNECT:" + socket)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (run(from, "sh", "-c", "ss -ltn | grep -q '127.0.0.1:" + port + " '") != 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the forwarder of port " + port + " into " + from + " did not listen");
            }
            sleep(100);
        }
    }

    /** A script that runs {@code executable} with its arguments in {@code namespace} (for tools that launch a program by path). */
    public Path wrapper(String namespace, String executable) {
        Path script = dir.resolve("in-" + namespace + "-" + Path.of(executable).getFileName());
        try {
            Files.writeString(script, "#!/bin/sh\nexec ip netns exec " + namespace + " " + executable + " \"$@\"\n", StandardCharsets.UTF_8);
            script.toFile().setExecutable(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return script;
    }

    /** Runs a command in {@code namespace} to its end (at most 60 s); its exit code. */
    public static int run(String namespace, String... command) {
        try {
            Process process = new ProcessBuilder(in(namespace, List.of(command))).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void start(List<String> command) {
        try {
            forwarders.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void exec(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        for (Process forwarder : forwarders.reversed()) {
            ProcessTrees.stop(forwarder);
        }
        for (String namespace : namespaces) {
            try {
                exec(List.of("ip", "netns", "del", namespace));
            } catch (RuntimeException gone) {
                // deleted already
            }
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // temp dir
        }
    }
}
