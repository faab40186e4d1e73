package eu.plenum.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Creates the two roles a Plenum database is used through, on a server where we hold a superuser
 * (the embedded database, the local two-site setup, the tests): the schema owner that Flyway
 * migrates as, and the runtime role the app connects as, which owns nothing and so can neither
 * alter, disable the triggers of, drop nor truncate a protected table (the audit and transfer logs).
 * Production creates the same two roles with its PostgreSQL operator (see deploy/eu-regions).
 */
public final class DatabaseRoles {

    public static final String OWNER = "plenum_owner";
    public static final String APP = "plenum_app";
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private DatabaseRoles() {
    }

    /**
     * Creates (or updates the passwords of) both roles and the database owned by the owner; objects a
     * superuser created there before the split (an older install) are handed to the owner. The runtime
     * role gets what the sites context needs: reading replication state, ending refused WAL senders,
     * setting {@code synchronous_standby_names} (and, through {@link #grantInDatabase}, reloading it).
     */
    public static void provision(Connection superuser, String database, Credentials owner, Credentials app) throws SQLException {
        try (Statement statement = superuser.createStatement()) {
            ensureRole(superuser, owner);
            ensureRole(superuser, app);
            if (exists(superuser, "SELECT 1 FROM pg_database WHERE datname = ?", name(database))) {
                statement.execute("ALTER DATABASE " + database + " OWNER TO " + owner.user());
            } else {
                statement.execute("CREATE DATABASE " + database + " OWNER " + owner.user());
            }
            statement.execute("GRANT pg_monitor, pg_signal_backend TO " + app.user());
            statement.execute("GRANT ALTER SYSTEM ON PARAMETER synchronous_standby_names TO " + app.user());
        }
    }

    /**
     * What the runtime role needs inside the database itself (functions are per database):
     * {@code pg_reload_conf()}, after the sites context changed {@code synchronous_standby_names}.
     */
    public static void grantInDatabase(Connection superuserInDatabase, String app) throws SQLException {
        try (Statement statement = superuserInDatabase.createStatement()) {
            statement.execute("GRANT EXECUTE ON FUNCTION pg_reload_conf() TO " + new Credentials(app, "-").user());
        }
    }

    /** Hands every object in {@code public} that the owner does not own yet to it (run connected to the database). */
    public static void handOverObjects(Connection superuserInDatabase, String owner) throws SQLException {
        List<String> changes = new ArrayList<>();
        try (PreparedStatement query = superuserInDatabase.prepareStatement("""
                SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                        ELSE 'TABLE' END || ' public.' || quote_ident(c.relname)
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                  AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = ?)
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')
                                  AND d.classid = 'pg_class'::regclass)
                UNION ALL
                SELECT 'FUNCTION ' || p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = 'public' AND p.proowner <> (SELECT oid FROM pg_roles WHERE rolname = ?)""")) {
            query.setString(1, owner);
            query.setString(2, owner);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    changes.add(rows.getString(1));
                }
            }
        }
        try (Statement statement = superuserInDatabase.createStatement()) {
            for (String object : changes) {
                statement.execute("ALTER " + object + " OWNER TO " + owner);
            }
        }
    }

    private static void ensureRole(Connection superuser, Credentials role) throws SQLException {
        String verb = exists(superuser, "SELECT 1 FROM pg_roles WHERE rolname = ?", role.user()) ? "ALTER" : "CREATE";
        try (Statement statement = superuser.createStatement()) {
            statement.execute(verb + " ROLE " + role.user() + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION"
                    + " PASSWORD '" + role.password().replace("'", "''") + "'");
        }
    }

    private static boolean exists(Connection connection, String sql, String value) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, value);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String name(String identifier) {
        if (!NAME.matcher(identifier).matches()) {
            throw new IllegalArgumentException("not a plain PostgreSQL name: " + identifier);
        }
        return identifier;
    }

    /** A role's login; the name must be a plain lower-case PostgreSQL name. */
    public record Credentials(String user, String password) {
        public Credentials {
            name(user);
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException("the role " + user + " needs a password");
            }
        }
    }
}
