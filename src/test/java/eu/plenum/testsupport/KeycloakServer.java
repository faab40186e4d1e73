package eu.plenum.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real Keycloak for the test suite: Maven Central's distribution (unpacked by the build into
 * target/keycloak), started in dev mode on free loopback ports with the project's realm imported
 * fresh, and stopped with its process tree at the end.
 */
public final class KeycloakServer {

    public static final String REALM = "plenum";
    /** The password-grant client of the bundled realm (the web client has no password grant). */
    public static final String TEST_CLIENT = "plenum-tests";
    /** What the test profile of the app uses for the plenum-web client (application.properties, %test). */
    static final String WEB_CLIENT_TEST_SECRET = "plenum-web-dev-secret";
    private static final String ADMIN_USER = "kcadmin";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Path home;
    private final int port;
    // Fresh per run, like the per-install secrets of ./plenum run: nothing is shared between machines.
    private final String testClientSecret = randomSecret();
    private final String consoleClientSecret = randomSecret();
    /** Where Keycloak's own mails (host invitations) go: the suite's GreenMail, or nowhere (0). */
    private final int smtpPort;
    private final String adminPassword = randomSecret();
    private Process process;

    private KeycloakServer(Path home, int port, int smtpPort) {
        this.home = home;
        this.port = port;
        this.smtpPort = smtpPort;
    }

    public static KeycloakServer start() {
        return start(0);
    }

    /** A Keycloak whose realm sends its mails to the SMTP server on {@code smtpPort} of 127.0.0.1 (0: a closed port). */
    public static KeycloakServer start(int smtpPort) {
        String configured = System.getProperty("plenum.keycloak.home");
        if (configured == null) {
            throw new IllegalStateException("plenum.keycloak.home is not set: run the tests through Maven (./plenum test)");
        }
        KeycloakServer server = new KeycloakServer(Path.of(configured), FreePorts.next(), smtpPort == 0 ? FreePorts.next() : smtpPort);
        server.launch();
        return server;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public String realmUrl() {
        return url() + "/realms/" + REALM;
    }

    /** Secret of the {@value #TEST_CLIENT} client, generated for this run and handed to the realm import. */
    public String testClientSecret() {
        return testClientSecret;
    }

    /** Secret of the console's service-account client {@code plenum-console}, generated for this run. */
    public String consoleClientSecret() {
        return consoleClientSecret;
    }

    /** An access token of the master realm's bootstrap administrator, for the admin REST API. */
    public String adminAccessToken() {
        return io.restassured.RestAssured.given()
                .baseUri(url() + "/realms/master")
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", ADMIN_USER)
                .formParam("password", adminPassword)
                .when().post("/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    public void stop() {
        ProcessTrees.stop(process);
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private void launch() {
        Path kc = home.resolve("bin/kc.sh");
        if (!Files.isExecutable(kc)) {
            throw new IllegalStateException("No Keycloak distribution at " + home + ": run the tests through Maven (./plenum test)");
        }
        importRealmFresh();
        Path log = ProjectPaths.target("keycloak-test.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(kc.toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + FreePorts.next(), "--import-realm"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx640m");
        // The realm file names its client secrets as placeholders that Keycloak fills from the environment.
        builder.environment().put("PLENUM_WEB_CLIENT_SECRET", WEB_CLIENT_TEST_SECRET);
        builder.environment().put("PLENUM_TEST_CLIENT_SECRET", testClientSecret);
        builder.environment().put("PLENUM_CONSOLE_CLIENT_SECRET", consoleClientSecret);
        builder.environment().put("PLENUM_SMTP_HOST", "127.0.0.1");
        builder.environment().put("PLENUM_SMTP_PORT", String.valueOf(smtpPort));
        builder.environment().put("PLENUM_MAIL_FROM", "webinars@plenum.localhost");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "keycloak-stop"));
        awaitRealm(log);
    }

    /** Drops the previous run's dev database so the realm in the repository is imported as it is now. */
    private void importRealmFresh() {
        try {
            deleteTree(home.resolve("data/h2"));
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.copy(ProjectPaths.root().resolve("deploy/keycloak/plenum-realm.json"),
                    imports.resolve("plenum-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitRealm(Path log) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (client.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        stop();
        throw new IllegalStateException("Keycloak did not serve the realm within " + START_TIMEOUT + "; see " + log);
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
