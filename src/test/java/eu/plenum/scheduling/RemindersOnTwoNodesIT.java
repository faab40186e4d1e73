package eu.plenum.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import eu.plenum.testsupport.ExternalDatabase;
import eu.plenum.testsupport.FreePorts;
import eu.plenum.testsupport.PackagedJar;
import eu.plenum.testsupport.SqlSeed;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two packaged app instances on one database, both running the reminder job and the mail
 * dispatcher every second: every registrant of a session that starts in 30 minutes gets its 1 h
 * reminder exactly once.
 */
class RemindersOnTwoNodesIT {

    private static final int REGISTRANTS = 20;

    @Test
    void twoNodesSendEachReminderOnce() throws Exception {
        int smtpPort = FreePorts.next();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (ExternalDatabase database = ExternalDatabase.start()) {
            Map<String, String> env = database.asRuntimeRole(Map.of("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                    "QUARKUS_MAILER_PORT", String.valueOf(smtpPort),
                    "PLENUM_REMINDERS_EVERY", "1s", "PLENUM_MAIL_DISPATCH_EVERY", "1s"));
            try (PackagedJar first = PackagedJar.start("reminders-node-1", env, Map.of())) {
                assertEquals(200, first.awaitReady(), first.output());
                seed(database);
                try (PackagedJar second = PackagedJar.start("reminders-node-2", env, Map.of())) {
                    assertEquals(200, second.awaitReady(), second.output());
                    Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
                    while (reminders(smtp) < REGISTRANTS && Instant.now().isBefore(deadline)) {
                        Thread.sleep(500);
                    }
                    Thread.sleep(5000); // both nodes keep running: a duplicate would show up now
                    assertEquals(REGISTRANTS, reminders(smtp), "each registrant exactly one reminder");
                    assertEquals(REGISTRANTS, database.count("SELECT count(DISTINCT recipient) FROM mail_outbox WHERE dedupe_key LIKE 'reminder:%'"));
                    assertEquals(0, database.count("SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL"));
                    assertTrue(first.output().contains("Plenum node roles") && second.output().contains("Plenum node roles"));
                }
            }
        } finally {
            smtp.stop();
        }
    }

    private static long reminders(GreenMail smtp) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(RemindersOnTwoNodesIT::isReminder).count();
    }

    private static boolean isReminder(MimeMessage message) {
        try {
            return message.getSubject().startsWith("Reminder: ");
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    /** A webinar of a fresh tenant whose session starts in 30 minutes, with registrants confirmed two hours ago. */
    private static void seed(ExternalDatabase database) throws Exception {
        try (Connection connection = database.connect()) {
            UUID webinar = SqlSeed.webinarWithOneSession(connection, "twonodes", "Two nodes",
                    OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(30));
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO registration (id, webinar_id, tenant_id, name, email, email_normalized, status,
                        privacy_acknowledged_at, confirm_version, confirm_expires_at, join_version,
                        confirmed_at)
                    VALUES (?, ?, 'twonodes', ?, ?, ?, 'REGISTERED', now(), 1, now(), 1, now() - interval '2 hours')""")) {
                for (int i = 0; i < REGISTRANTS; i++) {
                    String email = "node" + i + "@example.org";
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, webinar);
                    insert.setString(3, "Node " + i);
                    insert.setString(4, email);
                    insert.setString(5, email);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }
}
