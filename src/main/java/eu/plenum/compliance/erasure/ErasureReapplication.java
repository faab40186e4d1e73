package eu.plenum.compliance.erasure;

import eu.plenum.media.RecordingErasures;
import eu.plenum.shared.AuditEntry;
import eu.plenum.shared.AuditTrail;
import eu.plenum.shared.NodeConfig;
import eu.plenum.shared.NodeRole;
import eu.plenum.shared.SubjectKeys;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Applies every erasure again that the database does not know — because a backup from before it was
 * restored — before the app serves anyone: a start-up step (Quarkus opens the HTTP port only after
 * every {@code StartupEvent} observer returned). Each listed person missing from
 * {@code compliance_erased_subject} is looked for by computing the keyed hash of every address the
 * tenant's data holds (registrations, mails, erasure requests); a match is erased through every
 * holder, a key that matches no address still erases the recordings its publisher made; each is
 * audited as {@code erasure.reapplied}.
 */
@ApplicationScoped
class ErasureReapplication {

    private static final Logger LOG = Logger.getLogger(ErasureReapplication.class);
    static final String ACTOR = "system:erasure-reapply";

    private final Instance<EntityManager> entityManager;
    private final ErasedSubjectList list;
    private final DatabaseErasure database;
    private final RecordingErasures recordings;
    private final SubjectKeys keys;
    private final AuditTrail audit;
    private final NodeConfig node;

    ErasureReapplication(Instance<EntityManager> entityManager, ErasedSubjectList list, DatabaseErasure database,
            RecordingErasures recordings, SubjectKeys keys, AuditTrail audit, NodeConfig node) {
        this.entityManager = entityManager;
        this.list = list;
        this.database = database;
        this.recordings = recordings;
        this.keys = keys;
        this.audit = audit;
        this.node = node;
    }

    /** After Flyway and the other start-up checks, before HTTP. */
    void onStart(@Observes @Priority(5000) StartupEvent started) {
        if (node.plays(NodeRole.APP) && entityManager.isResolvable()) {
            int reapplied = reapply();
            if (reapplied > 0) {
                LOG.infof("Re-applied %d erasure(s) that the database did not hold (a backup from before them was restored)", reapplied);
            }
        }
    }

    /** Re-applies every listed erasure the database misses; returns how many. */
    int reapply() {
        List<ErasedSubjectList.Entry> listed = list.read();
        if (listed.isEmpty()) {
            return 0;
        }
        Set<String> known = QuarkusTransaction.requiringNew().call(this::knownErasures);
        Map<String, List<ErasedSubjectList.Entry>> missing = listed.stream()
                .filter(entry -> !known.contains(entry.tenantId() + " " + entry.subjectKey()))
                .collect(Collectors.groupingBy(ErasedSubjectList.Entry::tenantId));
        int reapplied = 0;
        for (Map.Entry<String, List<ErasedSubjectList.Entry>> tenant : missing.entrySet()) {
            Map<String, String> addressByKey = addressesOf(tenant.getKey(), tenant.getValue());
            for (ErasedSubjectList.Entry entry : tenant.getValue()) {
                QuarkusTransaction.requiringNew().run(() -> reapply(entry, addressByKey.get(entry.subjectKey())));
                reapplied++;
            }
        }
        return reapplied;
    }

    private void reapply(ErasedSubjectList.Entry entry, String address) {
        Map<String, String> details = new HashMap<>();
        if (address != null) {
            Map<String, Integer> counts = database.erase(entry.tenantId(), address);
            details.put("items", Integer.toString(counts.values().stream().mapToInt(Integer::intValue).sum()));
        } else {
            details.put("items", Integer.toString(recordings.eraseBySubjectKey(entry.tenantId(), entry.subjectKey())));
        }
        details.put("addressFound", Boolean.toString(address != null));
        database.noteErased(entry.tenantId(), entry.subjectKey(), entry.erasureId(), entry.erasedAt());
        audit.record(new AuditEntry("erasure.reapplied", ACTOR, entry.tenantId(), entry.subjectKey(), "erasure:" + entry.erasureId(),
                details));
    }

    @SuppressWarnings("unchecked")
    private Set<String> knownErasures() {
        List<Object[]> rows = entityManager.get().createNativeQuery("SELECT tenant_id, subject_key FROM compliance_erased_subject")
                .getResultList();
        Set<String> known = new HashSet<>();
        rows.forEach(row -> known.add(row[0] + " " + ((String) row[1]).strip()));
        return known;
    }

    /** The tenant's addresses whose keyed hash is among {@code wanted}, by key. */
    @SuppressWarnings("unchecked")
    private Map<String, String> addressesOf(String tenantId, List<ErasedSubjectList.Entry> wanted) {
        Set<String> keysWanted = wanted.stream().map(ErasedSubjectList.Entry::subjectKey).collect(Collectors.toSet());
        List<String> addresses = QuarkusTransaction.requiringNew().call(() -> entityManager.get().createNativeQuery("""
                SELECT email_normalized FROM registration WHERE tenant_id = ?1
                UNION SELECT lower(btrim(recipient)) FROM mail_outbox WHERE tenant_id = ?1
                UNION SELECT email FROM compliance_erasure WHERE tenant_id = ?1 AND email IS NOT NULL""")
                .setParameter(1, tenantId).getResultList());
        Map<String, String> found = new HashMap<>();
        for (String address : addresses) {
            String key = keys.of(tenantId, address);
            if (keysWanted.contains(key)) {
                found.putIfAbsent(key, address);
            }
        }
        return found;
    }
}
