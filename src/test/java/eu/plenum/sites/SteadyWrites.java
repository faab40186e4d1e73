package eu.plenum.sites;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client that inserts numbered rows one by one, as fast as the database acknowledges them, through a
 * connection it opens again after every failure (as a pool does): what the failover tests count on.
 * It remembers when each acknowledged row's attempt started and when it came back, so a test can tell
 * what was written after a fault (a write started before the fault may still be acknowledged after it).
 */
final class SteadyWrites implements AutoCloseable {

    /** Opens a connection (e.g. through the app's multi-host URL, or straight to one site). */
    interface Connector {
        Connection open() throws SQLException;
    }

    private final Connector connector;
    /** One acknowledged row: when its attempt started and when the database acknowledged it. */
    private record Ack(Instant started, Instant at) {
    }

    private final NavigableMap<Integer, Ack> acknowledged = new ConcurrentSkipListMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger next = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    private SteadyWrites(Connector connector, String name) {
        this.connector = connector;
        this.thread = new Thread(this::loop, "steady-writes-" + name);
        this.thread.setDaemon(true);
    }

    /** Makes the table (once, through {@code connector}) and starts writing. */
    static SteadyWrites start(Connector connector, String name) throws SQLException {
        try (Connection connection = connector.open()) {
            connection.createStatement().execute("CREATE TABLE IF NOT EXISTS written (n int PRIMARY KEY, at timestamptz DEFAULT clock_timestamp())");
        }
        SteadyWrites writes = new SteadyWrites(connector, name);
        writes.thread.start();
        return writes;
    }

    /** Another client writing to the same table (made by the first), numbered from {@code from}. */
    static SteadyWrites alsoFrom(Connector connector, String name, int from) {
        SteadyWrites writes = new SteadyWrites(connector, name);
        writes.next.set(from);
        writes.thread.start();
        return writes;
    }

    private void loop() {
        Connection connection = null;
        while (running) {
            int n = next.incrementAndGet();
            Instant started = Instant.now();
            try {
                if (connection == null) {
                    connection = connector.open();
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO written (n) VALUES (?)")) {
                    insert.setInt(1, n);
                    insert.executeUpdate();
                }
                acknowledged.put(n, new Ack(started, Instant.now()));
            } catch (SQLException e) {
                failures.incrementAndGet();
                closeQuietly(connection);
                connection = null;
                pause(200);
            }
        }
        closeQuietly(connection);
    }

    int count() {
        return acknowledged.size();
    }

    int failures() {
        return failures.get();
    }

    /** Acknowledged rows whose attempt started after {@code instant}. */
    int acknowledgedAfter(Instant instant) {
        return (int) acknowledged.values().stream().filter(ack -> ack.started().isAfter(instant)).count();
    }

    /** When the first row attempted after {@code instant} was acknowledged (null: none yet). */
    Instant firstAcknowledgedAfter(Instant instant) {
        return acknowledged.values().stream().filter(ack -> ack.started().isAfter(instant)).map(Ack::at).min(Instant::compareTo).orElse(null);
    }

    Set<Integer> acknowledged() {
        return new HashSet<>(acknowledged.keySet());
    }

    /** The rows of the table as {@code connection}'s server has them. */
    static Set<Integer> stored(Connection connection) throws SQLException {
        Set<Integer> rows = new HashSet<>();
        try (ResultSet result = connection.createStatement().executeQuery("SELECT n FROM written")) {
            while (result.next()) {
                rows.add(result.getInt(1));
            }
        }
        return rows;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(60_000);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // broken already
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
