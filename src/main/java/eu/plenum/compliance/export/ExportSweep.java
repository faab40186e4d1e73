package eu.plenum.compliance.export;

import eu.plenum.compliance.SubjectRequestConfig;
import eu.plenum.compliance.domain.PrivacyAskRepository;
import eu.plenum.compliance.domain.SubjectRequestRepository;
import eu.plenum.shared.NodeConfig;
import eu.plenum.shared.NodeRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Keeps personal data of requests only as long as needed: closes exports past their keeping time
 * (deletes the ZIP, forgets the address), deletes self-service asks a day old (or older than the
 * link's validity), and removes stray partial files that a crashed export left behind.
 */
@ApplicationScoped
public class ExportSweep {

    private static final Logger LOG = Logger.getLogger(ExportSweep.class);

    private final SubjectRequestRepository requests;
    private final PrivacyAskRepository asks;
    private final ExportFiles files;
    private final SubjectRequestConfig config;
    private final Clock clock;
    private final boolean appNode;

    ExportSweep(SubjectRequestRepository requests, PrivacyAskRepository asks, ExportFiles files, SubjectRequestConfig config,
            Clock clock, NodeConfig node) {
        this.requests = requests;
        this.asks = asks;
        this.files = files;
        this.config = config;
        this.clock = clock;
        this.appNode = node.plays(NodeRole.APP);
    }

    @Scheduled(every = "${plenum.compliance.requests.sweep-every:10M}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        if (appNode) {
            sweep();
        }
    }

    /** One pass; returns how many exports it closed. */
    public int sweep() {
        Instant now = clock.instant();
        int closed = 0;
        List<String> expired;
        do {
            expired = QuarkusTransaction.requiringNew().call(() -> requests.closeExpired(now, 100));
            expired.forEach(name -> files.delete(files.resolve(name)));
            closed += expired.size();
        } while (expired.size() == 100);
        Duration askLife = config.selfService().linkValidity().compareTo(Duration.ofDays(1)) > 0
                ? config.selfService().linkValidity() : Duration.ofDays(1);
        int forgotten = QuarkusTransaction.requiringNew().call(() -> asks.deleteOlderThan(now.minus(askLife)));
        removeStrayFiles(now);
        if (closed > 0 || forgotten > 0) {
            LOG.infof("Closed %d expired exports, forgot %d self-service asks", closed, forgotten);
        }
        return closed;
    }

    /** Files in the export directory that no request names and that are older than a claim (crashed or lost exports). */
    private void removeStrayFiles(Instant now) {
        Path dir = files.dir();
        if (!Files.isDirectory(dir)) {
            return;
        }
        Set<String> live = new HashSet<>(QuarkusTransaction.requiringNew().call(requests::liveFiles));
        Instant before = now.minus(config.exports().claimTimeout().multipliedBy(2));
        try (Stream<Path> listed = Files.list(dir)) {
            listed.filter(file -> !live.contains(file.getFileName().toString())).filter(file -> olderThan(file, before))
                    .forEach(files::delete);
        } catch (IOException e) {
            LOG.warnf("Export directory not swept: %s", e.getClass().getSimpleName());
        }
    }

    private static boolean olderThan(Path file, Instant before) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(before);
        } catch (IOException e) {
            return false;
        }
    }
}
