package eu.plenum.compliance;

import eu.plenum.compliance.domain.SubjectRequestRepository;
import eu.plenum.compliance.domain.SubjectRequestRepository.NewRequest;
import eu.plenum.identity.TenantDirectory;
import eu.plenum.shared.AccessRefusedException;
import eu.plenum.shared.AuditEntry;
import eu.plenum.shared.AuditTrail;
import eu.plenum.shared.ConflictException;
import eu.plenum.shared.InvalidInputException;
import eu.plenum.shared.NotFoundException;
import eu.plenum.shared.PlenumException.FieldError;
import eu.plenum.shared.SubjectKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The officer's queue of data-subject requests: listing (only the officer's tenants), opening one
 * for an address, and starting the Art. 15 export. A request of a tenant outside the officer's scope
 * is answered as if it did not exist (404), so the queue reveals nothing about other tenants.
 */
@ApplicationScoped
public class SubjectRequests {

    /** Art. 12(3): one month from receipt. */
    public static final java.time.Period ANSWER_WITHIN = java.time.Period.ofMonths(1);
    static final String SELF_SERVICE_ACTOR = "system:self-service";
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s\\p{Cc}]{1,200}@[^@\\s\\p{Cc}]{1,200}\\.[^@\\s\\p{Cc}]{1,60}$");

    private final SubjectRequestRepository requests;
    private final OfficerScope scope;
    private final SubjectKeys keys;
    private final AuditTrail audit;
    private final TenantDirectory tenants;
    private final Clock clock;

    SubjectRequests(SubjectRequestRepository requests, OfficerScope scope, SubjectKeys keys, AuditTrail audit,
            TenantDirectory tenants, Clock clock) {
        this.requests = requests;
        this.scope = scope;
        this.keys = keys;
        this.audit = audit;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** The newest requests the officer may see; {@code tenant} narrows it (outside the scope: 403). */
    @Transactional
    public List<SubjectRequestView> queue(Optional<String> tenant, int limit) {
        tenant.ifPresent(scope::requireTenant);
        if (tenant.isEmpty() && !scope.seesEveryTenant()) {
            String own = scope.ownTenant().orElseThrow(() -> new AccessRefusedException("outside-compliance-scope",
                    "This compliance account is not assigned to a tenant."));
            scope.requireTenant(own);
            tenant = Optional.of(own);
        }
        return requests.latestForTenant(tenant, limit);
    }

    /** One request in the officer's scope, else 404. */
    @Transactional
    public SubjectRequestView get(UUID id) {
        return requests.find(id).filter(found -> scope.mayAccess(found.tenantId()))
                .orElseThrow(() -> new NotFoundException("No such request."));
    }

    /**
     * An officer opens a request for an address (from a letter, a phone call): an access request goes
     * to the export job at once, an erasure request waits in the queue for the erasure.
     */
    @Transactional
    public SubjectRequestView open(String tenantId, String email, SubjectRequestKind kind) {
        scope.requireTenant(tenantId);
        tenants.get(tenantId);
        UUID id = insert(tenantId, validAddress(email), kind, "OFFICER", scope.actor());
        if (kind == SubjectRequestKind.ACCESS) {
            requests.queueExport(id);
            audited("export.requested", id, tenantId);
        }
        return requests.find(id).orElseThrow();
    }

    /** Starts (or retries) the export of an access request. */
    @Transactional
    public SubjectRequestView runExport(UUID id) {
        SubjectRequestView request = get(id);
        if (!requests.queueExport(id)) {
            throw new ConflictException("export-not-startable",
                    "An export can be started for an open or failed access request only (this one is " + request.state() + ").");
        }
        audited("export.requested", id, request.tenantId());
        return requests.find(id).orElseThrow();
    }

    /** A request from the self-service page, after the person proved control of the address (caller's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    UUID openFromSelfService(String tenantId, String email, SubjectRequestKind kind) {
        return insert(tenantId, email, kind, "SELF_SERVICE", SELF_SERVICE_ACTOR);
    }

    private UUID insert(String tenantId, String email, SubjectRequestKind kind, String source, String createdBy) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant deadline = now.atZone(ZoneOffset.UTC).plus(ANSWER_WITHIN).toInstant();
        String normalised = SubjectKeys.normalise(email);
        requests.insert(new NewRequest(id, tenantId, kind.name(), normalised, keys.of(tenantId, normalised), source,
                createdBy, now, deadline));
        return id;
    }

    private void audited(String action, UUID id, String tenantId) {
        audit.record(AuditEntry.of(action, scope.actor(), tenantId).about(requests.subjectKey(id)).on("export:" + id));
    }

    /** A plausible address, trimmed; 400 with a field error otherwise. */
    public static String validAddress(String email) {
        String trimmed = email == null ? "" : email.strip();
        // The stored form is normalised (lower case can be longer: "İ" becomes two characters) and must fit varchar(320).
        if (trimmed.length() > 320 || SubjectKeys.normalise(trimmed).length() > 320 || !ADDRESS.matcher(trimmed).matches()) {
            throw new InvalidInputException("The e-mail address is not valid.",
                    List.of(new FieldError("email", "Enter a valid e-mail address.")));
        }
        return trimmed;
    }
}
