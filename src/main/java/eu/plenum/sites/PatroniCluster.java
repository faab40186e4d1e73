package eu.plenum.sites;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jboss.logging.Logger;

/**
 * Patroni's REST API over TLS (the deployment's CA) with the REST password: reads the cluster and its failover history
 * from the first member that answers, and asks for a planned switchover, which Patroni carries out by itself (the
 * leader stops cleanly, the candidate is promoted, the old leader follows it) — so the console never fences or promotes.
 */
@ApplicationScoped
public class PatroniCluster {

    private static final Logger LOG = Logger.getLogger(PatroniCluster.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SitesConfig.Patroni config;
    private volatile HttpClient client;

    @jakarta.inject.Inject
    PatroniCluster(SitesConfig sites) {
        this.config = sites.patroni();
    }

    /** Public for tests and tools that have no CDI container: the same client on explicit settings. */
    public PatroniCluster(SitesConfig.Patroni config) {
        this.config = config;
    }

    public boolean configured() {
        return config.restUrls().filter(urls -> !urls.isEmpty()).isPresent();
    }

    /** Patroni's view from the first member that answers; empty when none is configured or none answers. */
    public Optional<PatroniView> view() {
        for (String base : urls()) {
            try {
                JsonNode cluster = JSON.readTree(get(base, "/cluster"));
                JsonNode history = JSON.readTree(get(base, "/history"));
                return Optional.of(new PatroniView(base, members(cluster), lastFailover(history)));
            } catch (IOException | RuntimeException unreachable) {
                LOG.debugf("Patroni at %s did not answer: %s", base, unreachable.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * A planned switchover from {@code leader} to {@code candidate} (Patroni's {@code POST /switchover}); returns Patroni's
     * answer. Throws {@link SwitchoverRefused} when Patroni refuses or no member answers: nothing changed then.
     */
    public String switchover(String leader, String candidate) {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("leader", leader, "candidate", candidate));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String refused = "no Patroni member answered";
        for (String base : urls()) {
            try {
                HttpRequest request = request(base, "/switchover").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                HttpResponse<String> answer = client().send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return answer.body().strip();
                }
                refused = "Patroni answered " + answer.statusCode() + ": " + answer.body().strip();
                if (answer.statusCode() != 503) {
                    break; // a refusal (412 no such candidate, 401, 400): asking another member changes nothing
                }
            } catch (IOException unreachable) {
                refused = "Patroni at " + base + " did not answer";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new SwitchoverRefused(refused);
    }

    private List<String> urls() {
        return config.restUrls().orElse(List.of()).stream().map(url -> url.replaceAll("/+$", "")).toList();
    }

    private String get(String base, String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = client().send(request(base, path).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException(path + " answered " + answer.statusCode());
        }
        return answer.body();
    }

    private HttpRequest.Builder request(String base, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(config.timeout());
        config.password().ifPresent(password -> builder.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((config.username() + ":" + password).getBytes(StandardCharsets.UTF_8))));
        return builder;
    }

    private static List<PatroniView.Member> members(JsonNode cluster) {
        List<PatroniView.Member> members = new ArrayList<>();
        for (JsonNode member : cluster.path("members")) {
            members.add(new PatroniView.Member(member.path("name").asText(), member.path("role").asText(), member.path("state").asText(),
                    member.path("host").asText(), member.hasNonNull("timeline") ? member.get("timeline").asInt() : null,
                    member.path("lag").isNumber() ? member.get("lag").asLong() : null));
        }
        return members;
    }

    /** Patroni's history: {@code [[timeline, lsn, reason, timestamp, new leader], ...]}, oldest first. */
    private static Optional<PatroniView.Failover> lastFailover(JsonNode history) {
        if (!history.isArray() || history.isEmpty()) {
            return Optional.empty();
        }
        JsonNode last = history.get(history.size() - 1);
        return Optional.of(new PatroniView.Failover(last.path(0).asInt(), last.path(3).asText(""), last.path(2).asText(""),
                last.path(4).asText("")));
    }

    private HttpClient client() {
        HttpClient current = client;
        if (current == null) {
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.timeout());
            config.caFile().ifPresent(ca -> builder.sslContext(trusting(ca)));
            current = builder.build();
            client = current;
        }
        return current;
    }

    private static SSLContext trusting(java.nio.file.Path caFile) {
        try (InputStream pem = Files.newInputStream(caFile)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                trust.setCertificateEntry("patroni-ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("plenum.sites.patroni.ca-file " + caFile + " is not a readable PEM certificate", e);
        }
    }
}
