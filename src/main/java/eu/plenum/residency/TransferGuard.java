package eu.plenum.residency;

import eu.plenum.residency.domain.TransferLogEntry;
import eu.plenum.residency.domain.TransferLogRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one gate every component passes before personal data leaves its place: webhook calls, mail
 * relay, exports, recording copies, replication targets, home-region migrations. It decides with
 * {@link ResidencyPolicy}, writes the decision to the append-only transfer log in a transaction of
 * its own (so a refusal is recorded even when the caller rolls back), and throws on refusal
 * before anything was sent.
 */
@ApplicationScoped
public class TransferGuard {

    private static final Logger LOG = Logger.getLogger(TransferGuard.class);

    private final RegionCatalogue catalogue;
    private final ResidencyConfig config;
    private final TransferLogRepository log;
    private final String nodeId;

    TransferGuard(RegionCatalogue catalogue, ResidencyConfig config, TransferLogRepository log,
            @ConfigProperty(name = "plenum.node-id", defaultValue = "local") String nodeId) {
        this.catalogue = catalogue;
        this.config = config;
        this.log = log;
        this.nodeId = nodeId;
    }

    /** Allows the transfer and returns its legal basis, or records the refusal and throws. */
    public String authorize(PersonalDataTransfer transfer) {
        Optional<Region> destination = catalogue.find(transfer.toRegion());
        ResidencyPolicy.Decision decision = destination
                .map(region -> ResidencyPolicy.mayHoldPersonalData(region, allowance(region, transfer)))
                .orElse(new ResidencyPolicy.Decision(false, null, transfer.toRegion() == null
                        ? "it is not a declared place" : "an unknown region '" + transfer.toRegion() + "'"));
        record(transfer, decision);
        if (!decision.allowed()) {
            String where = destination.map(Region::label)
                    .orElse(transfer.toRegion() == null ? "no declared region" : transfer.toRegion());
            LOG.warnf("Refused %s transfer to %s in %s", transfer.category(), transfer.destination(), where);
            throw new TransferRefusedException("Personal data may not go to '" + transfer.destination() + "' in "
                    + where + ": " + decision.reason() + ".");
        }
        return decision.legalBasis();
    }

    /** The recorded allowance for an adequate region: the tenant's own first, else the operator's platform-wide one. */
    private Optional<String> allowance(Region region, PersonalDataTransfer transfer) {
        return Optional.ofNullable(transfer.tenantAllowance())
                .or(() -> Optional.ofNullable(config.adequateAllowances().get(region.code())));
    }

    private void record(PersonalDataTransfer transfer, ResidencyPolicy.Decision decision) {
        TransferLogEntry entry = new TransferLogEntry(nodeId, config.nodeRegion(), transfer, decision);
        QuarkusTransaction.requiringNew().run(() -> log.persist(entry));
    }
}
