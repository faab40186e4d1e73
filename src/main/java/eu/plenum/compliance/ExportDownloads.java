package eu.plenum.compliance;

import eu.plenum.compliance.domain.SubjectRequestRepository;
import eu.plenum.compliance.export.ExportFiles;
import eu.plenum.shared.AuditEntry;
import eu.plenum.shared.AuditTrail;
import eu.plenum.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

/** Hands a finished export ZIP to an officer in scope, and writes {@code export.downloaded} to the audit log first. */
@ApplicationScoped
public class ExportDownloads {

    private final SubjectRequests requests;
    private final SubjectRequestRepository repository;
    private final ExportFiles files;
    private final OfficerScope scope;
    private final AuditTrail audit;
    private final Clock clock;

    ExportDownloads(SubjectRequests requests, SubjectRequestRepository repository, ExportFiles files, OfficerScope scope,
            AuditTrail audit, Clock clock) {
        this.requests = requests;
        this.repository = repository;
        this.files = files;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /** The ZIP of the request's export (404 outside the scope, before it is ready and after it expired). */
    @Transactional
    public Path download(UUID id) {
        SubjectRequestView request = requests.get(id);
        Path file = repository.exportFile(id, clock.instant()).map(files::resolve).filter(Files::isRegularFile)
                .orElseThrow(() -> new NotFoundException("This export is not ready, or no longer kept."));
        audit.record(AuditEntry.of("export.downloaded", scope.actor(), request.tenantId())
                .about(repository.subjectKey(id)).on("export:" + id));
        return file;
    }
}
