package eu.plenum.residency;

import eu.plenum.residency.DataLocationReport.Line;
import eu.plenum.residency.DataLocationReport.RegionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the per-tenant data-location report an auditor downloads. */
@ApplicationScoped
public class DataLocationReports {

    /** The personal data a kind of declared place holds for every tenant, in the words of the Art. 30 register. */
    private record Category(PlaceKind kind, String description) {
    }

    private static final List<Category> CATEGORIES = List.of(
            new Category(PlaceKind.DATABASE, "Host accounts, registrants, chat, questions, poll answers, attendance"),
            new Category(PlaceKind.IDENTITY_PROVIDER, "Host sign-in identities (name, e-mail, roles)"),
            new Category(PlaceKind.MAIL_RELAY, "E-mail addresses and messages to registrants"),
            new Category(PlaceKind.EXPORT, "Subject-access and report exports"));

    private final DeclaredPlaces places;
    private final RegionCatalogue catalogue;
    private final TransferLog transfers;
    private final TenantRegionAllowances allowances;
    private final Instance<DataLocationSource> sources;
    private final Instance<MediaProcessingSource> mediaSources;
    private final ResidencyConfig config;

    DataLocationReports(DeclaredPlaces places, RegionCatalogue catalogue, TransferLog transfers,
            TenantRegionAllowances allowances, Instance<DataLocationSource> sources, Instance<MediaProcessingSource> mediaSources,
            ResidencyConfig config) {
        this.mediaSources = mediaSources;
        this.config = config;
        this.places = places;
        this.catalogue = catalogue;
        this.transfers = transfers;
        this.allowances = allowances;
        this.sources = sources;
    }

    /**
     * Where one webinar's personal data is: its registrations in the databases, its mails through
     * the relay, its recordings in the tenant's home-region storage and backup, its webhook events,
     * and the media workers (node, region) that processed each of its live sessions.
     */
    public DataLocationReport forWebinar(String tenantId, String tenantName, String homeRegionCode, java.util.UUID webinarId,
            String webinarTitle) {
        List<Line> lines = new ArrayList<>();
        for (DeclaredPlace place : places.ofKind(PlaceKind.DATABASE)) {
            lines.add(line("Registrations of \"" + webinarTitle + "\": names, e-mail addresses, answers, consents", place, tenantId));
        }
        for (DeclaredPlace place : places.ofKind(PlaceKind.MAIL_RELAY)) {
            lines.add(line("E-mails to this webinar's registrants", place, tenantId));
        }
        for (DeclaredPlace place : places.recordingStorageFor(homeRegionCode)) {
            lines.add(line(place.backupFor().isPresent() ? "Recordings of its sessions (backup copy)" : "Recordings of its sessions",
                    place, tenantId));
        }
        sources.forEach(source -> lines.addAll(source.linesFor(tenantId)));
        List<DataLocationReport.MediaProcessing> media = new ArrayList<>();
        mediaSources.forEach(source -> source.livePeriods(tenantId, webinarId).forEach(period -> media.add(
                new DataLocationReport.MediaProcessing(period.sessionId(), period.from(), period.until(), period.node(),
                        period.worker(), RegionView.of(catalogue.require("media node region", period.regionCode()))))));
        return new DataLocationReport(tenantId, tenantName, RegionView.of(catalogue.require("homeRegionCode", homeRegionCode)),
                OffsetDateTime.now(), lines, media, transfers.latest(tenantId, 200));
    }

    public DataLocationReport forTenant(String tenantId, String tenantName, String homeRegionCode) {
        List<Line> lines = new ArrayList<>();
        for (Category category : CATEGORIES) {
            for (DeclaredPlace place : places.ofKind(category.kind())) {
                lines.add(line(category.description(), place, tenantId));
            }
        }
        for (DeclaredPlace place : places.recordingStorageFor(homeRegionCode)) {
            String what = place.backupFor().isPresent() ? "Recordings (backup copy)" : "Recordings (speakers' and attendees' audio and video)";
            lines.add(line(what, place, tenantId));
        }
        sources.forEach(source -> lines.addAll(source.linesFor(tenantId)));
        return new DataLocationReport(tenantId, tenantName, RegionView.of(catalogue.require("homeRegionCode", homeRegionCode)),
                OffsetDateTime.now(), lines, List.of(), transfers.latest(tenantId, 200));
    }

    private Line line(String category, DeclaredPlace place, String tenantId) {
        Optional<String> basis = allowances.legalBasis(tenantId, place.region().code())
                .or(() -> Optional.ofNullable(config.adequateAllowances().get(place.region().code())));
        String legalBasis = ResidencyPolicy.mayHoldPersonalData(place.region(), basis).legalBasis();
        return new Line(category, place.name(), place.kind().description(), RegionView.of(place.region()), legalBasis);
    }
}
