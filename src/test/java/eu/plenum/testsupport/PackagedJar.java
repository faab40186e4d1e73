package eu.plenum.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** The packaged production jar (target/quarkus-app) as an operator starts it, for integration tests. */
public final class PackagedJar implements AutoCloseable {

    public static final String CLIENT_SECRET_ENV = "QUARKUS_OIDC_CREDENTIALS_SECRET";
    public static final String COOKIE_SECRET_ENV = "QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET";
    public static final String CONSOLE_SECRET_ENV = "QUARKUS_KEYCLOAK_ADMIN_CLIENT_CLIENT_SECRET";
    /** One key for every jar of this test run: nodes of one installation must derive the same links. */
    private static final String LINKS_KEY = "packaged-jar-test-links-key-" + UUID.randomUUID();
    /** One subject key for every jar of this run: the erased-subject list outside the database is kept under it. */
    private static final String SUBJECT_KEY = "packaged-jar-test-subject-key-" + UUID.randomUUID();
    /** One Ed25519 key (PKCS#8, base64) for every node of a run, as an operator configures app nodes alike. */
    private static final java.security.KeyPair PLAYBACK_PAIR = playbackPair();
    private static final String PLAYBACK_KEY = java.util.Base64.getEncoder().encodeToString(PLAYBACK_PAIR.getPrivate().getEncoded());


    private final Process process;
    private final Path log;
    private final int port;

    private PackagedJar(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the jar on a free port with the given environment and {@code -D} system properties;
     * its output goes to target/{logName}.log. Keycloak is pointed at a closed port: start-up does
     * not need it. Like an operator, the jar gets an OIDC client secret, a cookie-encryption
     * secret and a link key of its own (random per start); an empty value in {@code env} removes a variable.
     */
    public static PackagedJar start(String logName, Map<String, String> env, Map<String, String> properties) {
        return startIn(Netns.ROOT, logName, env, properties);
    }

    /** {@link #start}, in network namespace {@code namespace} (its port must be forwarded to be reached from here). */
    public static PackagedJar startIn(String namespace, String logName, Map<String, String> env, Map<String, String> properties) {
        int port = env.containsKey("QUARKUS_HTTP_PORT") ? Integer.parseInt(env.get("QUARKUS_HTTP_PORT")) : FreePorts.next();
        String jar = System.getProperty("plenum.runner.jar", ProjectPaths.target("quarkus-app", "quarkus-run.jar").toString());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar));
        Path log = ProjectPaths.target(logName + ".log");
        ProcessBuilder builder = new ProcessBuilder(Netns.in(namespace, command)).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("PLENUM_KEYCLOAK_URL", "http://127.0.0.1:" + FreePorts.next());
        builder.environment().put(CLIENT_SECRET_ENV, randomSecret());
        builder.environment().put(COOKIE_SECRET_ENV, randomSecret());
        builder.environment().put(CONSOLE_SECRET_ENV, randomSecret());
        // Production refuses the public dev key; nodes of one run share one key; tests drive every request from 127.0.0.1.
        builder.environment().put("PLENUM_LINKS_KEY", LINKS_KEY);
        builder.environment().put("PLENUM_WEBHOOKS_SECRET_KEY", "packaged-jar-test-webhooks-key-" + LINKS_KEY);
        builder.environment().put("PLENUM_PLAYBACK_SIGNING_KEY", PLAYBACK_KEY);
        builder.environment().put("PLENUM_COMPLIANCE_SUBJECT_KEY", SUBJECT_KEY);
        builder.environment().put("PLENUM_REGISTRATION_PER_SOURCE_REQUESTS", "100000");
        env.forEach((name, value) -> {
            if (value.isEmpty()) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        try {
            return new PackagedJar(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.security.KeyPair playbackPair() {
        try {
            return java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The playback keys every app jar of this run signs with, for tests that mint URLs as an origin would. */
    public static java.security.KeyPair playbackKeys() {
        return PLAYBACK_PAIR;
    }

    /**
     * The environment of an edge-only jar relaying {@code originUrl}: the role, the origin, the verify key only (the
     * signing key every other jar gets is removed), and no OIDC, cookie or console secret.
     */
    public static Map<String, String> edgeEnvironment(String originUrl) {
        return Map.of("PLENUM_ROLES", "edge", "PLENUM_EDGE_ORIGIN_URL", originUrl, "PLENUM_PLAYBACK_SIGNING_KEY", "",
                "PLENUM_PLAYBACK_VERIFY_KEY", java.util.Base64.getEncoder().encodeToString(PLAYBACK_PAIR.getPublic().getEncoded()),
                CLIENT_SECRET_ENV, "", COOKIE_SECRET_ENV, "", CONSOLE_SECRET_ENV, "");
    }

    /** The key of data-subject hashes every jar of this run gets ({@code PLENUM_COMPLIANCE_SUBJECT_KEY}). */
    public static String subjectKey() {
        return SUBJECT_KEY;
    }

    /** The link key every jar of this run gets, for tests that derive tokens (viewer passes) as a node would. */
    public static String linksKey() {
        return LINKS_KEY;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    public Process process() {
        return process;
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** HTTP status of /q/health/ready once it answers 200, or the last status seen when the jar died or 90 s passed. */
    public int awaitReady() throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url("/q/health/ready"))).build();
        Instant deadline = Instant.now().plusSeconds(90);
        int status = -1;
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                status = client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return status;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        return status;
    }

    /** Exit code once the jar ends by itself within 90 s; fails the caller's expectation otherwise. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            throw new AssertionError("the jar kept running; output:\n" + output());
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        ProcessTrees.stop(process);
    }
}
