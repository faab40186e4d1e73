package eu.plenum.media.rooms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An app node's lease row (written by {@link NodeLeases} with SQL; mapped for the sweep's query). */
@Entity
@Table(name = "app_node")
class AppNodeLease {

    @Id
    private String id;
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;
    @Column(name = "renewed_at", nullable = false)
    private Instant renewedAt;
    @Column(name = "url")
    private String url;

    protected AppNodeLease() {
    }
}
