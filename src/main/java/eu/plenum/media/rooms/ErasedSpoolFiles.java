package eu.plenum.media.rooms;

import eu.plenum.media.storage.RecordingStores;
import eu.plenum.shared.NodeConfig;
import eu.plenum.shared.NodeRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Removes from this node's spool the files nobody needs any more: those of erased recordings (their home
 * copy's deletion may have been claimed by another node while this one was down, see
 * {@link RecordingDeletions}) and those whose upload into the site's object store was verified but whose
 * removal did not happen (the node stopped in between). Runs shortly after start and then hourly; the
 * spool is walked and files are deleted with no transaction open, the catalogue is asked in short ones.
 * A file the catalogue does not know is left alone: it may be a recording whose row is not committed yet.
 */
@ApplicationScoped
class ErasedSpoolFiles {

    private static final Logger LOG = Logger.getLogger(ErasedSpoolFiles.class);
    private static final int PER_QUERY = 200;

    private final Instance<EntityManager> entityManager;
    private final RecordingStores stores;
    private final boolean enabled;

    ErasedSpoolFiles(Instance<EntityManager> entityManager, RecordingStores stores, NodeConfig node) {
        this.entityManager = entityManager;
        this.stores = stores;
        this.enabled = node.plays(NodeRole.APP);
    }

    @Scheduled(every = "${plenum.media.spool-sweep-every:1h}", delayed = "${plenum.media.spool-sweep-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        if (enabled) {
            sweep();
        }
    }

    /** Deletes the spool files of erased or already uploaded recordings; returns how many went. */
    int sweep() {
        List<String> spooled = spooledFiles();
        int removed = 0;
        for (int from = 0; from < spooled.size(); from += PER_QUERY) {
            List<String> batch = spooled.subList(from, Math.min(spooled.size(), from + PER_QUERY));
            for (String unneeded : QuarkusTransaction.requiringNew().call(() -> unneeded(batch))) {
                try {
                    removed += Files.deleteIfExists(Path.of(unneeded)) ? 1 : 0;
                } catch (IOException e) {
                    LOG.warnf("A spool file of an erased or uploaded recording could not be removed: %s", e.getMessage());
                }
            }
        }
        if (removed > 0) {
            LOG.infof("Removed %d spool files of erased or uploaded recordings", removed);
        }
        return removed;
    }

    /** Every file in the spool's {@code <place>/<tenant>/<room>/} folders, as absolute paths (how the catalogue names them). */
    private List<String> spooledFiles() {
        Path root = stores.spoolRoot();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.find(root, 4, (path, attributes) -> attributes.isRegularFile()
                && root.relativize(path).getNameCount() == 4)) {
            return new ArrayList<>(files.map(path -> path.toAbsolutePath().normalize().toString()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Of {@code files}, those of recordings erased, or finished and verified in their home object store. */
    private List<String> unneeded(List<String> files) {
        return entityManager.get().createQuery("""
                select r.filePath from Recording r where r.filePath in ?1 and (r.status = ?2
                  or (r.status <> ?3 and exists (select 1 from RecordingCopy c where c.key.recordingId = r.id
                      and c.backup = false and c.key.place = r.storagePlace and c.status = ?4)))""", String.class)
                .setParameter(1, files).setParameter(2, Recording.Status.ERASED).setParameter(3, Recording.Status.RECORDING)
                .setParameter(4, RecordingCopy.Status.VERIFIED).getResultList();
    }
}
