package eu.plenum.residency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.PlenumTestServers;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transfer guard decides by the policy and leaves an append-only trail either way. */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class TransferGuardTest {

    @Inject
    TransferGuard guard;

    @Inject
    TransferLog log;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void allowedTransferIsLoggedWithItsLegalBasis() {
        String basis = guard.authorize(new PersonalDataTransfer("export", "guard test allowed", "acme", "export-bucket", "eu-gra", null));
        assertEquals("GDPR applies (EU member state)", basis);
        TransferRecord entry = log.latest("acme", 1).get(0);
        assertEquals("ALLOWED", entry.outcome());
        assertEquals("eu-gra", entry.toRegion());
        assertEquals("eu-fra", entry.fromRegion());
        assertEquals("guard test allowed", entry.purpose());
    }

    @Test
    void thirdCountryIsRefusedAndLogged() {
        TransferRefusedException refused = assertThrows(TransferRefusedException.class, () -> guard.authorize(
                new PersonalDataTransfer("export", "guard test refused", "acme", "us-bucket", "us-vin", "consent")));
        assertEquals(451, refused.status());
        assertTrue(refused.getMessage().contains("us-vin (Vint Hill, US)"), refused.getMessage());
        TransferRecord entry = log.latest("acme", 1).get(0);
        assertEquals("REFUSED", entry.outcome());
        assertEquals("us-bucket", entry.destination());
    }

    @Test
    void adequateCountryNeedsTheTenantsAllowance() {
        assertThrows(TransferRefusedException.class, () -> guard.authorize(
                new PersonalDataTransfer("export", "guard test adequate", "acme", "uk-bucket", "uk-lon", null)));
        assertEquals("Art. 45 GDPR", guard.authorize(
                new PersonalDataTransfer("export", "guard test adequate", "acme", "uk-bucket", "uk-lon", "Art. 45 GDPR")));
    }

    @Test
    void transferLogCannotBeChangedOrEmptied() throws SQLException {
        guard.authorize(new PersonalDataTransfer("export", "guard test immutable", "acme", "bucket", "eu-fra", null));
        for (String change : List.of("UPDATE transfer_log SET outcome = 'ALLOWED'", "DELETE FROM transfer_log",
                "TRUNCATE transfer_log", "ALTER TABLE transfer_log DISABLE TRIGGER USER")) {
            // The app's runtime role has no right to change the log, nor to switch its triggers off...
            try (Connection connection = dataSource.getConnection()) {
                SQLException refused = assertThrows(SQLException.class, () -> connection.createStatement().execute(change));
                assertTrue(refused.getMessage().contains("permission denied") || refused.getMessage().contains("must be owner"),
                        refused.getMessage());
            }
        }
        // ...and even the schema owner meets the triggers.
        for (String change : List.of("UPDATE transfer_log SET outcome = 'ALLOWED'", "DELETE FROM transfer_log", "TRUNCATE transfer_log")) {
            try (Connection connection = eu.plenum.testsupport.PlenumTestServers.ownerConnection()) {
                SQLException refused = assertThrows(SQLException.class, () -> connection.createStatement().execute(change));
                assertTrue(refused.getMessage().contains("transfer_log is append-only"), refused.getMessage());
            }
        }
    }
}
