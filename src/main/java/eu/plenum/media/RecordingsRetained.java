package eu.plenum.media;

import eu.plenum.residency.DeclaredPlace;
import eu.plenum.residency.DeclaredPlaces;
import eu.plenum.shared.RetainedData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Finished recordings (category {@code recordings}, by their end) when a tenant set a retention period
 * (the default keeps them until a host deletes them): the rows go in the caller's transaction, the
 * files — primary and every copy, the backup site's too — only after it committed, so a rolled-back
 * batch never leaves a row whose file is gone.
 */
@ApplicationScoped
public class RecordingsRetained implements RetainedData {

    private static final Logger LOG = Logger.getLogger(RecordingsRetained.class);
    private static final String DUE = "FROM recording WHERE tenant_id = ?1 AND status <> 'RECORDING'"
            + " AND coalesce(ended_at, started_at) < ?2";

    /** Looked up when used: an edge node has no persistence unit. */
    private final Instance<EntityManager> databases;
    private final DeclaredPlaces places;
    private final TransactionSynchronizationRegistry transactions;

    RecordingsRetained(Instance<EntityManager> databases, DeclaredPlaces places, TransactionSynchronizationRegistry transactions) {
        this.databases = databases;
        this.places = places;
        this.transactions = transactions;
    }

    @Override
    public String category() {
        return "recordings";
    }

    @Override
    @Transactional
    public long countDue(String tenantId, Instant cutOff) {
        return ((Number) databases.get().createNativeQuery("SELECT count(*) " + DUE)
                .setParameter(1, tenantId).setParameter(2, Timestamp.from(cutOff)).getSingleResult()).longValue();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public int removeDue(String tenantId, Instant cutOff, int limit) {
        EntityManager database = databases.get();
        @SuppressWarnings("unchecked")
        List<Object[]> due = database.createNativeQuery("SELECT id, room_id, file_path " + DUE
                + " ORDER BY started_at LIMIT ?3 FOR UPDATE SKIP LOCKED")
                .setParameter(1, tenantId).setParameter(2, Timestamp.from(cutOff)).setParameter(3, limit).getResultList();
        if (due.isEmpty()) {
            return 0;
        }
        List<Object> ids = due.stream().map(row -> row[0]).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> copies = database.createNativeQuery("SELECT recording_id, place FROM recording_copy WHERE recording_id IN (?1)")
                .setParameter(1, ids).getResultList();
        List<Path> files = new ArrayList<>();
        for (Object[] recording : due) {
            Path primary = Path.of((String) recording[2]);
            files.add(primary);
            for (Object[] copy : copies) {
                if (copy[0].equals(recording[0])) {
                    place((String) copy[1]).flatMap(DeclaredPlace::target).ifPresent(target -> {
                        Path folder = Path.of(target).resolve(tenantId).resolve(recording[1].toString());
                        files.add(folder.resolve(primary.getFileName()));
                        files.add(folder.resolve(primary.getFileName() + ".growing"));
                    });
                }
            }
        }
        database.createNativeQuery("DELETE FROM recording_copy WHERE recording_id IN (?1)").setParameter(1, ids).executeUpdate();
        int removed = database.createNativeQuery("DELETE FROM recording WHERE id IN (?1)").setParameter(1, ids).executeUpdate();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    files.forEach(RecordingsRetained::delete);
                }
            }
        });
        return removed;
    }

    private Optional<DeclaredPlace> place(String name) {
        return places.all().stream().filter(place -> place.name().equals(name)).findFirst();
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("A recording file past its retention could not be deleted (%s); remove it by hand", e.getClass().getSimpleName());
        }
    }
}
