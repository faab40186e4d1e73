package eu.plenum.webhooks;

import eu.plenum.shared.NodeConfig;
import eu.plenum.shared.NodeRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Seals the signing keys that endpoints registered before V035 kept in clear ({@code signing_key})
 * and empties that column: SQL cannot encrypt under a key that only the nodes' configuration holds,
 * so the first app node to start after the migration does it (row locks make a second one a no-op).
 * Such an endpoint's secret is its former hex key, now used as text like every {@code whsec_} secret.
 */
@ApplicationScoped
class LegacySigningKeys {

    private static final Logger LOG = Logger.getLogger(LegacySigningKeys.class);

    void sealOnStart(@Observes StartupEvent started, NodeConfig node, jakarta.enterprise.inject.Instance<EntityManager> entityManager,
            EndpointSecrets secrets) {
        if (!node.plays(NodeRole.APP)) {
            return; // an edge node has no persistence unit
        }
        EntityManager database = entityManager.get();
        int sealed = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = database.createNativeQuery(
                    "SELECT id, signing_key FROM webhook_endpoint WHERE signing_key IS NOT NULL FOR UPDATE SKIP LOCKED").getResultList();
            for (Object[] row : rows) {
                UUID id = (UUID) row[0];
                database.createNativeQuery("UPDATE webhook_endpoint SET secret_sealed = ?1, signing_key = NULL WHERE id = ?2")
                        .setParameter(1, secrets.seal(id, (String) row[1])).setParameter(2, id).executeUpdate();
            }
            return rows.size();
        });
        if (sealed > 0) {
            LOG.infof("Sealed the signing keys of %d webhook endpoints registered before V035", sealed);
        }
    }
}
