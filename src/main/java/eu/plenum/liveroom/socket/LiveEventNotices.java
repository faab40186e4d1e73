package eu.plenum.liveroom.socket;

import eu.plenum.liveroom.LiveEventAppended;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Fan-out across app nodes with PostgreSQL LISTEN/NOTIFY. The appending transaction itself sends
 * {@code NOTIFY live_event, '<session>:<id>'}: PostgreSQL delivers a transaction's notifications at
 * its commit and never for a rollback, so a notice always means a committed row, and no node can die
 * between commit and notice. Every node listens on one dedicated JDBC connection (not from the pool)
 * on its own thread and tells the hub, which reads the new rows from the table. The connection uses
 * the datasource's (multi-host, primary) URL; when it breaks (a failover) the thread connects again
 * and every local room catches up from the table.
 */
@ApplicationScoped
class LiveEventNotices {

    private static final Logger LOG = Logger.getLogger(LiveEventNotices.class);
    static final String CHANNEL = "live_event";

    /** Looked up when used: an edge node has no persistence unit, and injecting it directly fails that node's start. */
    private final jakarta.enterprise.inject.Instance<EntityManager> databases;
    private final LiveRoomHub hub;
    private volatile boolean running;
    private Thread listener;

    private final boolean appNode;

    LiveEventNotices(jakarta.enterprise.inject.Instance<EntityManager> databases, LiveRoomHub hub, eu.plenum.shared.NodeConfig node) {
        this.databases = databases;
        this.hub = hub;
        this.appNode = node.plays(eu.plenum.shared.NodeRole.APP); // an edge node has no database to listen to
    }

    /** Inside the appending transaction: the notice leaves with its commit. */
    void appended(@Observes(during = TransactionPhase.IN_PROGRESS) LiveEventAppended event) {
        database().createNativeQuery("SELECT pg_notify(?1, ?2)").setParameter(1, CHANNEL)
                .setParameter(2, event.sessionId() + ":" + event.id()).getSingleResult();
    }

    void start(@Observes StartupEvent started) {
        if (!appNode) {
            return;
        }
        running = true;
        listener = new Thread(this::listen, "live-event-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        long pause = 200;
        boolean first = true;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (!first) {
                    LOG.info("Live event listener connected again; every local room catches up from the table");
                }
                hub.catchUpAll();
                first = false;
                pause = 200;
                PGConnection notices = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notices.getNotifications(1000);
                    if (received == null) {
                        if (!connection.isValid(2)) {
                            throw new SQLException("live event listener connection is no longer valid");
                        }
                        continue;
                    }
                    for (PGNotification notice : received) {
                        sessionOf(notice.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Live event listener lost its database connection (%s); connecting again in %d ms", e.toString(), pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    return;
                }
                pause = Math.min(pause * 2, 5_000);
            }
        }
    }

    private void sessionOf(String payload) {
        int colon = payload.indexOf(':');
        try {
            hub.pending(UUID.fromString(colon < 0 ? payload : payload.substring(0, colon)));
        } catch (IllegalArgumentException e) {
            LOG.debugf("Ignored a malformed live event notice");
        }
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null);
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        java.util.Properties properties = new java.util.Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        properties.setProperty("password", password);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "plenum-live-listener");
        return DriverManager.getConnection(url, properties);
    }

    private EntityManager database() {
        return databases.get();
    }
}
