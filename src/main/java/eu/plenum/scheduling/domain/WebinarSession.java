package eu.plenum.scheduling.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** One occurrence of a webinar; moved or cancelled on its own when the host wants. */
@Entity
@Table(name = "webinar_session")
public class WebinarSession {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "webinar_id")
    private Webinar webinar;

    @Column(name = "tenant_id", nullable = false, updatable = false, length = 63)
    private String tenantId;

    @Column(nullable = false)
    private int occurrence;

    @Column(name = "starts_at", nullable = false)
    private OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    private OffsetDateTime endsAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private WebinarStatus status;

    @Column(nullable = false)
    private boolean moved;

    protected WebinarSession() {
    }

    WebinarSession(Webinar webinar, Schedule.Occurrence occurrence) {
        this.id = UUID.randomUUID();
        this.webinar = webinar;
        this.tenantId = webinar.tenantId();
        this.occurrence = occurrence.index();
        this.status = WebinarStatus.SCHEDULED;
        retime(occurrence.start(), occurrence.end());
    }

    void retime(Instant start, Instant end) {
        this.startsAt = start.atOffset(ZoneOffset.UTC);
        this.endsAt = end.atOffset(ZoneOffset.UTC);
    }

    void moveTo(Instant start, Instant end) {
        retime(start, end);
        this.moved = true;
    }

    void cancel() {
        this.status = WebinarStatus.CANCELLED;
    }

    public UUID id() {
        return id;
    }

    public int occurrence() {
        return occurrence;
    }

    public Instant startsAt() {
        return startsAt.toInstant();
    }

    public Instant endsAt() {
        return endsAt.toInstant();
    }

    public WebinarStatus status() {
        return status;
    }

    public boolean moved() {
        return moved;
    }
}
