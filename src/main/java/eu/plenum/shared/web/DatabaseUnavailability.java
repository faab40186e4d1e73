package eu.plenum.shared.web;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises a failure that comes from losing the database (failover, outage, a demoted primary),
 * which the API answers with a retryable 503 instead of a 500. The JDBC failure is looked for in
 * the causes and in the suppressed exceptions: a commit that fails because the connection died is
 * reported by the transaction manager as a rollback whose cause is attached as suppressed.
 */
final class DatabaseUnavailability {

    private DatabaseUnavailability() {
    }

    /**
     * True for connection errors (SQLState class 08), a server shutting down or refusing
     * connections (57P01–57P03), a write reaching a server that is read-only, e.g. a standby or a
     * demoted primary (25006), and the pool giving up on acquiring a connection.
     */
    static boolean causedBy(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.push(failure);
        while (!pending.isEmpty()) {
            Throwable next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            if (lostDatabase(next)) {
                return true;
            }
            if (next.getCause() != null) {
                pending.push(next.getCause());
            }
            for (Throwable suppressed : next.getSuppressed()) {
                pending.push(suppressed);
            }
            if (next instanceof SQLException sql && sql.getNextException() != null) {
                pending.push(sql.getNextException());
            }
        }
        return false;
    }

    private static boolean lostDatabase(Throwable failure) {
        if (failure instanceof java.sql.SQLTransientConnectionException
                || failure instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        if (failure instanceof SQLException sql) {
            String state = sql.getSQLState() == null ? "" : sql.getSQLState();
            // Agroal: "Acquisition timeout while waiting for new connection" (no SQLState).
            String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                    || state.equals("25006") || message.contains("acquisition timeout");
        }
        return false;
    }
}
