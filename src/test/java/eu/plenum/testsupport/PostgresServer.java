package eu.plenum.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A real PostgreSQL server from Debian's packages, run as the postgres user (initdb refuses root),
 * for replication and failover tests: a primary with synchronous replication, or a standby made
 * by pg_basebackup. Stopped (or killed) by the test that made it.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private final Path dataDir;
    private final int port;

    private PostgresServer(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** A primary on 127.0.0.1 whose commits wait for the standby named {@code standbyName}. */
    public static PostgresServer primary(String standbyName) {
        Path dir = freshDir("primary");
        int port = FreePorts.next();
        run(List.of(BIN.resolve("initdb").toString(), "-D", dir.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8"));
        append(dir.resolve("postgresql.conf"), String.join("\n", "listen_addresses = '127.0.0.1'", "port = " + port, "cluster_name = 'primary'",
                "wal_level = replica", "max_wal_senders = 5", "max_replication_slots = 5", "synchronous_commit = on", ""));
        append(dir.resolve("pg_hba.conf"), "host replication postgres 127.0.0.1/32 trust\n");
        PostgresServer server = new PostgresServer(dir, port);
        server.start();
        server.provisionRoles();
        // Only now: from here on every commit waits for the standby, which must exist first.
        server.sql("ALTER SYSTEM SET synchronous_standby_names = 'FIRST 1 (" + standbyName + ")'");
        server.sql("SELECT pg_reload_conf()");
        return server;
    }

    private static final eu.plenum.shared.DatabaseRoles.Credentials OWNER =
            new eu.plenum.shared.DatabaseRoles.Credentials(eu.plenum.shared.DatabaseRoles.OWNER, "owner-it");
    private static final eu.plenum.shared.DatabaseRoles.Credentials APP =
            new eu.plenum.shared.DatabaseRoles.Credentials(eu.plenum.shared.DatabaseRoles.APP, "app-it");

    /** The database {@code plenum} owned by the schema owner, and the runtime role (they reach standbys by replication). */
    private void provisionRoles() {
        try (Connection connection = connect("postgres")) {
            eu.plenum.shared.DatabaseRoles.provision(connection, "plenum", OWNER, APP);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (Connection connection = connect("plenum")) {
            eu.plenum.shared.DatabaseRoles.grantInDatabase(connection, APP.user());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A node's environment with Flyway as the schema owner and the app as the runtime role, as in production. */
    public static java.util.Map<String, String> asRuntimeRole(java.util.Map<String, String> env) {
        java.util.Map<String, String> all = new java.util.HashMap<>(env);
        all.put("QUARKUS_DATASOURCE_USERNAME", APP.user());
        all.put("QUARKUS_DATASOURCE_PASSWORD", APP.password());
        all.put("QUARKUS_FLYWAY_USERNAME", OWNER.user());
        all.put("QUARKUS_FLYWAY_PASSWORD", OWNER.password());
        return all;
    }

    /**
     * A lone server on 127.0.0.1 that allows base backups (wal_level replica), with an empty database
     * plenum owned by the schema owner, and the runtime role ({@link #asRuntimeRole}).
     */
    public static PostgresServer single() {
        return single(List.of());
    }

    /** {@link #single()} with more postgresql.conf lines (e.g. WAL archiving: {@link PgBackRest#archiveSettings}). */
    public static PostgresServer single(List<String> settings) {
        Path dir = freshDir("single");
        int port = FreePorts.next();
        run(List.of(BIN.resolve("initdb").toString(), "-D", dir.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8"));
        List<String> lines = new ArrayList<>(List.of("listen_addresses = '127.0.0.1'", "port = " + port, "wal_level = replica",
                "max_wal_senders = 5"));
        lines.addAll(settings);
        lines.add("");
        append(dir.resolve("postgresql.conf"), String.join("\n", lines));
        append(dir.resolve("pg_hba.conf"), "host replication postgres 127.0.0.1/32 trust\n");
        PostgresServer server = new PostgresServer(dir, port);
        server.start();
        server.provisionRoles();
        return server;
    }

    /**
     * A server started on a fresh, empty data directory that {@code restore} fills (e.g. pgbackrest restore with a
     * recovery target and promote), on a port of its own; returns once recovery has ended and it accepts writes.
     */
    public static PostgresServer restoredBy(java.util.function.Consumer<Path> restore) {
        Path dir = freshDir("restored");
        restore.accept(dir);
        int port = FreePorts.next();
        append(dir.resolve("postgresql.conf"), "port = " + port + "\n");
        PostgresServer server = new PostgresServer(dir, port);
        server.start();
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(120);
        while (true) {
            try (Connection connection = server.connect("postgres");
                    java.sql.ResultSet rows = connection.createStatement().executeQuery("SELECT pg_is_in_recovery()")) {
                rows.next();
                if (!rows.getBoolean(1)) {
                    return server;
                }
            } catch (SQLException notYet) {
                // still replaying
            }
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the restored server did not finish its recovery within 120 s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the server cleanly (a fast shutdown with a checkpoint). */
    public void stop() {
        run(List.of(BIN.resolve("pg_ctl").toString(), "stop", "-m", "fast", "-w", "-D", dataDir.toString()));
    }

    /**
     * The {@code -D} properties that declare a standby with this application name as the residency
     * place "database-standby" in Strasbourg: the app's replication guard ends WAL senders of standbys
     * that are not declared.
     */
    public static java.util.Map<String, String> declaredStandby(String name) {
        return java.util.Map.of("plenum.residency.places.database-standby.kind", "database",
                "plenum.residency.places.database-standby.region", "eu-sxb",
                "plenum.residency.places.database-standby.target", name);
    }

    /** A streaming standby of {@code primary}, made with pg_basebackup and a replication slot. */
    public static PostgresServer standbyOf(PostgresServer primary, String name) {
        return standbyOf(primary, name, primary.port);
    }

    /**
     * A streaming standby of {@code primary} that streams through {@code linkPort} (e.g. a
     * {@link DelayedLink} to the primary); the base backup is taken directly.
     */
    public static PostgresServer standbyOf(PostgresServer primary, String name, int linkPort) {
        Path dir = freshDir("standby");
        int port = FreePorts.next();
        run(List.of(BIN.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", String.valueOf(primary.port), "-U", "postgres",
                "-D", dir.toString(), "-R", "-X", "stream", "-C", "-S", name, "--checkpoint=fast"));
        append(dir.resolve("postgresql.auto.conf"), "primary_conninfo = 'host=127.0.0.1 port=" + linkPort
                + " user=postgres application_name=" + name + "'\n");
        append(dir.resolve("postgresql.conf"), "port = " + port + "\ncluster_name = '" + name + "'\n");
        PostgresServer server = new PostgresServer(dir, port);
        server.start();
        return server;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
    }

    /** Kills the postmaster with SIGKILL: the way a crashed machine disappears. */
    public void kill() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (up to 30 s) until a standby confirms this primary's commits synchronously. */
    public void awaitSynchronousStandby() throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        while (java.time.Instant.now().isBefore(deadline)) {
            try (Connection connection = connect("postgres");
                    java.sql.ResultSet rows = connection.createStatement().executeQuery(
                            "SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'")) {
                rows.next();
                if (rows.getInt(1) > 0) {
                    return;
                }
            } catch (SQLException notYet) {
                // the server is still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the standby never became synchronous");
    }

    /** Starts the server again after {@link #kill()}: a standby reconnects to its primary and catches up. */
    public void restart() {
        start();
    }

    /**
     * Promotes this standby after its primary is gone. It has no standby of its own yet, so it
     * stops waiting for one (asynchronous until a new standby joins: the documented, visible
     * degradation of the failover procedure) — otherwise every commit would wait for ever.
     */
    public void promoteAlone() {
        run(List.of(BIN.resolve("pg_ctl").toString(), "promote", "-w", "-D", dataDir.toString()));
        sql("ALTER SYSTEM RESET synchronous_standby_names");
        sql("SELECT pg_reload_conf()");
    }

    @Override
    public void close() {
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            runQuietly(List.of(BIN.resolve("pg_ctl").toString(), "stop", "-m", "immediate", "-D", dataDir.toString()));
        }
    }

    private void start() {
        run(List.of(BIN.resolve("pg_ctl").toString(), "start", "-w", "-t", "60", "-D", dataDir.toString(),
                "-l", dataDir.resolve("server.log").toString()));
    }

    private void sql(String statement) {
        try (Connection connection = connect("postgres")) {
            connection.createStatement().execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path freshDir(String role) {
        try {
            Path base = Files.createTempDirectory("plenum-site-" + role);
            run(List.of("chown", "postgres:postgres", base.toString()), false);
            run(List.of("chmod", "700", base.toString()), false);
            return base;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void append(Path file, String text) {
        run(List.of("sh", "-c", "cat >> '" + file + "' <<'EOF'\n" + text + "EOF"));
    }

    private static void run(List<String> command) {
        run(command, true);
    }

    private static void run(List<String> command, boolean asPostgres) {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            // Output goes to a file: a server started by pg_ctl may keep inherited pipes open for ever.
            Path output = Files.createTempFile("plenum-pg-command", ".log");
            Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish:\n" + Files.readString(output));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(output));
            }
            Files.deleteIfExists(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void runQuietly(List<String> command) {
        try {
            run(command);
        } catch (RuntimeException ignored) {
            // already gone
        }
    }
}
