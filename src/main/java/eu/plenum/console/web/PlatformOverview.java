package eu.plenum.console.web;

import eu.plenum.mail.MailOutboxStatus;
import eu.plenum.media.MediaOverview;
import eu.plenum.residency.TransferLog;
import eu.plenum.sites.ReplicationMonitor;
import eu.plenum.sites.ReplicationState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;

/** Gathers the console home's platform figures from the contexts that own them, in one place for the page. */
@ApplicationScoped
class PlatformOverview {

    /** Chart.js from its webjar, as the attendance page loads it. */
    static final String CHART_SCRIPT = "/webjars/chart.js/4.4.1/dist/chart.umd.js";

    /**
     * What the overview shows.
     *
     * @param replication the database's replication summary, or null where this node cannot read it
     * @param refusalsToday transfers the residency guard refused today (UTC)
     */
    record Figures(MediaOverview.Figures media, long mailWaiting, long mailDead, List<Long> refusalsPerDay, long refusalsToday,
            ReplicationState replication) {

        /** Comma-separated numbers for a chart's data attribute. */
        static String csv(List<Long> values) {
            return values.stream().map(String::valueOf).collect(Collectors.joining(","));
        }

        public String perHour() {
            return csv(media.perHour());
        }

        public String perDay() {
            return csv(media.perDay());
        }

        public String refusals() {
            return csv(refusalsPerDay);
        }
    }

    private final MediaOverview media;
    private final MailOutboxStatus mail;
    private final TransferLog transfers;
    private final ReplicationMonitor replication;

    PlatformOverview(MediaOverview media, MailOutboxStatus mail, TransferLog transfers, ReplicationMonitor replication) {
        this.media = media;
        this.mail = mail;
        this.transfers = transfers;
        this.replication = replication;
    }

    Figures figures() {
        MailOutboxStatus.Counts counts = mail.counts();
        List<Long> refusals = transfers.refusalsPerDay(30);
        return new Figures(media.figures(), counts.waiting(), counts.dead(), refusals, refusals.get(refusals.size() - 1),
                replication.current().orElse(null));
    }
}
