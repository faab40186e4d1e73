package eu.plenum.mail;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.Mailbox;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.SmtpGate;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The outbox dispatcher against a real SMTP server behind a gate that refuses or holds chosen
 * recipients: no transaction or row lock while SMTP talks, an outcome that fails to record does
 * not send the mail twice, and a mail the relay keeps refusing ends DEAD after its last attempt.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class MailDispatchTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MailOutbox outbox;

    private static Mailbox mailbox() {
        return PlenumTestServers.mailbox();
    }

    private void queue(String key, String recipient) {
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(new OutgoingMail("acme", key, recipient, "Outbox test " + key,
                "text", "<p>html</p>", null, null, Instant.now())));
    }

    private String query(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private String status(String key) throws SQLException {
        return query("SELECT status FROM mail_outbox WHERE dedupe_key = ?", key);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 60 s: " + what);
            }
            Thread.sleep(100);
        }
    }

    private BooleanSupplier statusIs(String key, String expected) {
        return () -> {
            try {
                return expected.equals(status(key));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    void aSlowRelayHoldsNoTransactionAndNoRowLock() throws Exception {
        String key = "test:slow:" + UUID.randomUUID();
        SmtpGate gate = mailbox().gate();
        gate.hold();
        try {
            queue(key, "held@" + SmtpGate.SLOW_DOMAIN);
            await("the dispatcher is in the SMTP conversation", () -> gate.held() > 0);
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    // Would fail at once if the dispatcher still held the row lock of its claim.
                    statement.execute("SET LOCAL lock_timeout = '100ms'");
                    try (ResultSet row = statement.executeQuery(
                            "SELECT id FROM mail_outbox WHERE dedupe_key = '" + key + "' FOR UPDATE NOWAIT")) {
                        assertTrue(row.next());
                    }
                }
                connection.rollback();
            }
            assertEquals("0", query("""
                    SELECT count(*) FROM pg_stat_activity WHERE state LIKE 'idle in transaction%'
                    AND query ILIKE '%mail_outbox%' AND pid <> pg_backend_pid()"""),
                    "a session sits in a transaction over the outbox while SMTP talks");
        } finally {
            gate.release();
        }
        await("the held mail is sent", () -> {
            try {
                return query("SELECT sent_at FROM mail_outbox WHERE dedupe_key = ?", key) != null;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals("SENT", status(key));
        mailbox().awaitOne("held@" + SmtpGate.SLOW_DOMAIN, "Outbox test " + key);
    }

    @Test
    void aFailureWhileRecordingTheOutcomeDoesNotSendTheMailAgain() throws Exception {
        String key = "test:flaky:" + UUID.randomUUID();
        String recipient = "flaky-" + UUID.randomUUID() + "@example.org";
        // Triggers are the schema owner's to make; the app's runtime role may not.
        try (Connection connection = PlenumTestServers.ownerConnection(); Statement statement = connection.createStatement()) {
            // The first write that marks this mail sent fails, as a lost connection or failover would.
            // A sequence counts outside transactions: the rollback that the failure causes does not reset it.
            statement.execute("DROP SEQUENCE IF EXISTS test_flaky_once");
            statement.execute("CREATE SEQUENCE test_flaky_once");
            statement.execute("""
                    CREATE OR REPLACE FUNCTION test_flaky_outcome() RETURNS trigger AS $$
                    BEGIN
                      IF NEW.sent_at IS NOT NULL AND OLD.sent_at IS NULL AND NEW.recipient = '%s' THEN
                        IF nextval('test_flaky_once') = 1 THEN
                          RAISE EXCEPTION 'recording failed (test)';
                        END IF;
                      END IF;
                      RETURN NEW;
                    END $$ LANGUAGE plpgsql""".formatted(recipient));
            statement.execute("DROP TRIGGER IF EXISTS test_flaky_outcome ON mail_outbox");
            statement.execute("CREATE TRIGGER test_flaky_outcome BEFORE UPDATE ON mail_outbox FOR EACH ROW "
                    + "EXECUTE FUNCTION test_flaky_outcome()");
        }
        try {
            queue(key, recipient);
            await("the mail is recorded as sent", () -> {
                try {
                    return query("SELECT sent_at FROM mail_outbox WHERE dedupe_key = ?", key) != null;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(Long.parseLong(query("SELECT last_value FROM test_flaky_once")) >= 2,
                    "the failure was injected, and recording was tried again");
            // The marker is queued after the mail and sent after it: when it is in, any second copy would be too.
            queue(key + ":marker", recipient);
            mailbox().awaitOne(recipient, "Outbox test " + key + ":marker");
            assertEquals(1, mailbox().all().stream()
                    .filter(mail -> mail.to().equals(recipient) && mail.subject().equals("Outbox test " + key)).count());
            assertEquals("1", query("SELECT attempts FROM mail_outbox WHERE dedupe_key = ?", key));
        } finally {
            try (Connection connection = PlenumTestServers.ownerConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TRIGGER IF EXISTS test_flaky_outcome ON mail_outbox");
            }
        }
    }

    @Test
    void aMailTheRelayKeepsRefusingEndsDeadAndOperatorsSeeIt() throws Exception {
        String key = "test:refused:" + UUID.randomUUID();
        int refusedBefore = mailbox().gate().refused();
        queue(key, "nobody@" + SmtpGate.REFUSED_DOMAIN);
        // %test: 3 attempts, 1 s then 2 s apart.
        await("the mail is dead", statusIs(key, "DEAD"));
        assertEquals("3", query("SELECT attempts FROM mail_outbox WHERE dedupe_key = ?", key));
        assertEquals(3, mailbox().gate().refused() - refusedBefore, "one SMTP attempt per counted attempt");
        assertTrue(query("SELECT last_error FROM mail_outbox WHERE dedupe_key = ?", key).contains("550"));
        long dead = Long.parseLong(query("SELECT count(*) FROM mail_outbox WHERE status = 'DEAD'"));
        given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'Mail outbox' }.data.dead", org.hamcrest.Matchers.equalTo((int) dead));
        given().when().get("/q/metrics").then().body(org.hamcrest.Matchers.containsString("plenum_mail_dead "));
    }
}
