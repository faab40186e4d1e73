package eu.plenum.shared.web;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A failure as it may be logged: each cause keeps its type, its stack frames and, for database
 * errors, the SQLState and the schema names (constraint, table, column), but no message, because
 * database and driver messages quote the rows they refused, and rows hold e-mail addresses and names.
 */
public final class SanitisedFailure extends RuntimeException {

    private SanitisedFailure(String summary, StackTraceElement[] frames, Throwable cause) {
        super(summary, cause, false, true);
        setStackTrace(frames);
    }

    /** The same cause chain with every message replaced by the cause's type and SQL facts. */
    public static SanitisedFailure of(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        java.util.ArrayList<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        SanitisedFailure sanitised = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            sanitised = new SanitisedFailure(describe(chain.get(i)), chain.get(i).getStackTrace(), sanitised);
        }
        return sanitised;
    }

    static String describe(Throwable cause) {
        StringBuilder text = new StringBuilder(cause.getClass().getName());
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            text.append(" [SQLState ").append(sql.getSQLState());
            if (sql instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null) {
                // Schema names only: they say which rule failed, never whose row it was.
                var server = psql.getServerErrorMessage();
                appendIfPresent(text, "constraint", server.getConstraint());
                appendIfPresent(text, "table", server.getTable());
                appendIfPresent(text, "column", server.getColumn());
            }
            text.append(']');
        } else if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
                && violation.getConstraintName() != null) {
            text.append(" [constraint ").append(violation.getConstraintName()).append(']');
        }
        return text.toString();
    }

    private static void appendIfPresent(StringBuilder text, String name, String value) {
        if (value != null && !value.isBlank()) {
            text.append(", ").append(name).append(' ').append(value);
        }
    }

    /** The log shows the summary without prefixing this class's own name. */
    @Override
    public String toString() {
        return getMessage();
    }
}
