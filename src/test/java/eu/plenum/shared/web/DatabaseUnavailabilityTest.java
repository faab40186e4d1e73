package eu.plenum.shared.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * Which failures the API answers with 503 database-unavailable (failover, outage) rather than 500,
 * in the shapes they really arrive in: PrimaryFailoverIT demands 503 for every failed request.
 */
class DatabaseUnavailabilityTest {

    @Test
    void aCommitThatLostItsConnectionArrivesAsARollbackWithTheCauseSuppressed() {
        // Narayana reports the flush failing at commit as a RollbackException with suppressed causes.
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new org.hibernate.exception.GenericJDBCException("could not execute statement",
                new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE)));
        assertTrue(ProblemMappers.databaseUnavailable(new jakarta.transaction.TransactionalException("commit failed", rollback)));
    }

    @Test
    void thePoolGivingUpOnAConnectionIsUnavailabilityNotABug() {
        // Agroal's own words, without an SQLState.
        SQLException acquisition = new SQLException("Acquisition timeout while waiting for new connection");
        assertTrue(ProblemMappers.databaseUnavailable(new org.hibernate.exception.GenericJDBCException("could not prepare", acquisition)));
    }

    @Test
    void shutdownsAndReadOnlyServersAreUnavailability() {
        assertTrue(ProblemMappers.databaseUnavailable(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(ProblemMappers.databaseUnavailable(new SQLException("the database system is starting up", "57P03")));
        assertTrue(ProblemMappers.databaseUnavailable(new RuntimeException(
                new SQLException("cannot execute INSERT in a read-only transaction", "25006"))));
        SQLException batch = new SQLException("Batch entry 0 was aborted", "40001");
        batch.setNextException(new SQLException("Connection refused", "08001"));
        assertTrue(ProblemMappers.databaseUnavailable(batch));
    }

    @Test
    void bugsAndConstraintFailuresStay500s() {
        assertFalse(ProblemMappers.databaseUnavailable(new IllegalStateException("a bug")));
        assertFalse(ProblemMappers.databaseUnavailable(new SQLException("null value in column", "23502")));
        RuntimeException cyclic = new RuntimeException("outer");
        RuntimeException inner = new RuntimeException("inner", cyclic);
        cyclic.addSuppressed(inner);
        assertFalse(ProblemMappers.databaseUnavailable(cyclic), "cycles end");
    }
}
