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
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 server for tests: s3proxy (Maven Central's jar with its dependencies, copied to
 * target/s3proxy by the build) as a process of its own on 127.0.0.1 and a free port, with its filesystem
 * backend in a fresh folder and credentials of its own; {@link #close} stops it and removes the folder.
 */
public final class S3Server implements AutoCloseable {

    private final Process process;
    private final Path data;
    private final URI endpoint;
    private final String accessKey;
    private final String secretKey;

    private S3Server(Process process, Path data, URI endpoint, String accessKey, String secretKey) {
        this.process = process;
        this.data = data;
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** Starts one server named {@code name} (for its log under target/); a port taken meanwhile is retried on another. */
    public static S3Server start(String name) {
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return startOnce(name, FreePorts.next());
            } catch (IllegalStateException failed) {
                last = failed;
            }
        }
        throw last;
    }

    private static S3Server startOnce(String name, int port) {
        Path jar = Path.of(System.getProperty("plenum.s3proxy.jar", ProjectPaths.target("s3proxy", "s3proxy.jar").toString()));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("s3proxy is missing at " + jar + ": the build copies it (maven-dependency-plugin)");
        }
        try {
            Path data = Files.createTempDirectory("plenum-s3-" + name + "-");
            Files.createDirectories(data.resolve("blobs"));
            String accessKey = "test-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            String secretKey = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())
                    + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            Path properties = data.resolve("s3proxy.properties");
            Files.writeString(properties, String.join("\n", List.of(
                    "s3proxy.endpoint=" + endpoint,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + accessKey,
                    "s3proxy.credential=" + secretKey,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + data.resolve("blobs"))) + "\n");
            Path log = ProjectPaths.target("s3proxy-" + name + ".log");
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--properties", properties.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            S3Server server = new S3Server(process, data, endpoint, accessKey, secretKey);
            server.awaitListening(log);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (generously: two loaded cores) until the server answers HTTP at all (403 to an unsigned request). */
    private void awaitListening(Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                deleteData();
                throw new IllegalStateException("s3proxy exited (" + process.exitValue() + "); see " + log);
            }
            try {
                http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("s3proxy did not listen on " + endpoint + " within 90 s; see " + log);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    /** A client of this server (path style), for fixtures and for checking what it holds. */
    public S3Client client() {
        return S3Client.builder().endpointOverride(endpoint).region(Region.EU_CENTRAL_1).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey))).build();
    }

    public void createBucket(String bucket) {
        try (S3Client client = client()) {
            client.createBucket(request -> request.bucket(bucket));
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        deleteData();
    }

    private void deleteData() {
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder harms no other test.
        }
    }
}
