package eu.plenum.compliance.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.SqlSeed;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Retention against the real database with a clock the test moves: after each move exactly what is
 * due goes, nothing else, and two runs started at the same moment on separate threads (each batch its
 * own transaction, as two app nodes would run them against one database) remove each item once — their
 * counts add up to the seeded numbers, never more. Two threads in one JVM rather than two packaged jars
 * because the packaged jars' clocks cannot be moved; the database, its row locks and SKIP LOCKED — what
 * makes "once" hold — are the same.
 */
@QuarkusTest
@TestProfile(RetentionClockProfile.class)
@WithTestResource(PlenumTestServers.class)
class RetentionJobTest {

    /** Enough items that the two runs' batches of two overlap. */
    private static final int UNCONFIRMED = 40;
    private static final int SENT = 30;
    private static final int EVENTS = 40;
    private static final int QUESTIONS = 10;
    private static final int PRESENCES = 20;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MovableClock clock;

    @Inject
    RetentionJob job;

    @Inject
    RetentionRuns runs;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void removesExactlyWhatIsDueOnceWhileTwoRunsRaceEachOther() throws Exception {
        String tenant = "ret-" + Long.toString(System.nanoTime(), 36);
        UUID session = seed(tenant);
        long auditedBefore = count("SELECT count(*) FROM compliance_audit_entry WHERE action = 'retention.run'");

        assertEquals(Map.of("unconfirmed-registrations", 0L, "sent-mail-bodies", 0L, "live-events", 0L, "questions", 0L,
                "attendance", 0L), pick(job.due(tenant, Instant.now())), "nothing is due today");
        assertEquals(2L, job.due(tenant, Instant.now()).get("transfer-log"), "three-year-old transfers are due already");

        clock.moveTo(Duration.ofDays(8));
        assertEquals((long) UNCONFIRMED, job.due(tenant, clock.instant()).get("unconfirmed-registrations"));
        assertEquals(Map.of("unconfirmed-registrations", UNCONFIRMED, "sent-mail-bodies", SENT, "transfer-log", 2), raceTwoRuns(tenant));
        assertEquals(0, count("SELECT count(*) FROM registration WHERE tenant_id = ? AND status = 'UNCONFIRMED'", tenant));
        assertEquals(2, count("SELECT count(*) FROM registration WHERE tenant_id = ? AND status = 'REGISTERED'", tenant));
        assertEquals(2, count("SELECT count(*) FROM consent_record c JOIN registration r ON r.id = c.subject_id WHERE r.tenant_id = ?", tenant));
        assertEquals(2, count("SELECT count(*) FROM consent_record c JOIN webinar w ON w.id = c.webinar_id WHERE w.tenant_id = ?", tenant),
                "the unconfirmed registrations' consent records went with them");
        assertEquals(SENT, count("SELECT count(*) FROM mail_outbox WHERE tenant_id = ? AND body_text = '' AND body_html = '' AND calendar IS NULL", tenant));
        assertEquals(1, count("SELECT count(*) FROM mail_outbox WHERE tenant_id = ? AND status = 'PENDING' AND body_text <> ''", tenant),
                "a mail not yet sent keeps its body");
        assertEquals(SENT + 1, count("SELECT count(*) FROM mail_outbox WHERE tenant_id = ?", tenant), "mail rows stay for their dedupe keys");
        assertEquals(1, count("SELECT count(*) FROM transfer_log WHERE tenant_id = ?", tenant), "the recent transfer stays");
        assertEquals(EVENTS, count("SELECT count(*) FROM live_event WHERE session_id = ?", session), "chat is not due yet");

        clock.moveTo(Duration.ofDays(91));
        assertEquals(Map.of("live-events", EVENTS, "questions", QUESTIONS), raceTwoRuns(tenant));
        assertEquals(0, count("SELECT count(*) FROM live_event WHERE session_id = ?", session));
        assertEquals(0, count("SELECT count(*) FROM live_question_upvote WHERE session_id = ?", session), "upvotes go with their questions");
        assertEquals(PRESENCES, count("SELECT count(*) FROM attendance_presence WHERE tenant_id = ?", tenant), "attendance is kept a year");

        clock.moveTo(Duration.ofDays(366));
        assertEquals(Map.of("attendance", PRESENCES), raceTwoRuns(tenant));
        assertEquals(Map.of(), ofTenant(job.run(), tenant), "a further run finds nothing");

        assertEquals(7, count("SELECT count(*) FROM compliance_audit_entry WHERE action = 'retention.run'") - auditedBefore,
                "every run audited");
        assertEquals(UNCONFIRMED + SENT + 2 + EVENTS + QUESTIONS + PRESENCES, count("SELECT coalesce(sum(c.removed), 0) FROM compliance_retention_run_count c WHERE c.tenant_id = ?", tenant),
                "the stored runs' counts add up to what was seeded");
        assertTrue(runs.lastPerNode(tenant).stream().anyMatch(run -> run.nodeId() != null), "the console sees the last run");
    }

    @Inject
    RetentionRules rules;

    @Test
    void recordingsStayUntilDeletedUnlessTheTenantSetsDaysThenGoWithTheirBackupCopies() throws Exception {
        String tenant = "rec-" + Long.toString(System.nanoTime(), 36);
        java.nio.file.Path primary;
        java.nio.file.Path backup;
        UUID finished = UUID.randomUUID();
        UUID growing = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            UUID webinar = SqlSeed.webinarWithOneSession(connection, tenant, "Recorded", OffsetDateTime.now(ZoneOffset.UTC).minusHours(2));
            UUID session = uuid(connection, "SELECT id FROM webinar_session WHERE webinar_id = ?", webinar);
            UUID room = UUID.randomUUID();
            UUID publisher = UUID.randomUUID();
            update(connection, """
                    INSERT INTO live_room (id, tenant_id, webinar_id, session_id, stream_key_hash, stream_key_hint, status)
                    VALUES (?, ?, ?, ?, 'hash', 'hint', 'ENDED')""", room, tenant, webinar, session);
            update(connection, "INSERT INTO room_publisher (id, room_id, tenant_id, has_video, has_audio) VALUES (?, ?, ?, true, true)",
                    publisher, room, tenant);
            primary = java.nio.file.Path.of("target/test-storage/eu-fra", tenant, room.toString(), "finished.webm").toAbsolutePath();
            backup = java.nio.file.Path.of("target/test-storage/eu-sxb-backup-of-fra", tenant, room.toString(), "finished.webm");
            for (java.nio.file.Path file : List.of(primary, backup)) {
                java.nio.file.Files.createDirectories(file.getParent());
                java.nio.file.Files.writeString(file, "not really matroska");
            }
            for (UUID recording : List.of(finished, growing)) {
                boolean done = recording.equals(finished);
                update(connection, """
                        INSERT INTO recording (id, tenant_id, room_id, session_id, publisher_id, tracks, container, storage_place,
                            storage_region, file_path, status, started_at, ended_at)
                        VALUES (?, ?, ?, ?, ?, 'video+audio', 'webm', 'recordings', 'eu-fra', ?, ?, now() - interval '2 hours', ?)""",
                        recording, tenant, room, session, publisher, done ? primary.toString() : primary.getParent().resolve("growing.webm").toString(),
                        done ? "COMPLETE" : "RECORDING", done ? Timestamp.from(Instant.now().minusSeconds(3600)) : null);
            }
            update(connection, """
                    INSERT INTO recording_copy (recording_id, place, region, backup, status, verified_at)
                    VALUES (?, 'recordings-fra-backup', 'eu-sxb', true, 'VERIFIED', now())""", finished);
        }
        clock.moveTo(Duration.ofDays(400));
        assertEquals(Map.of(), ofTenant(job.run(), tenant), "by default recordings are kept until deleted");
        assertTrue(java.nio.file.Files.exists(primary));

        rules.set(tenant, "recordings", java.util.Optional.of(10), "test");
        clock.moveTo(Duration.ofDays(9));
        assertEquals(0L, job.due(tenant, clock.instant()).get("recordings"));
        clock.moveTo(Duration.ofDays(11));
        assertEquals(1L, job.due(tenant, clock.instant()).get("recordings"));
        assertEquals(Map.of("recordings", 1), raceTwoRuns(tenant));
        assertEquals(0, count("SELECT count(*) FROM recording WHERE id = ?", finished));
        assertEquals(0, count("SELECT count(*) FROM recording_copy WHERE recording_id = ?", finished));
        assertEquals(1, count("SELECT count(*) FROM recording WHERE id = ?", growing), "a recording still being written stays");
        assertFalse(java.nio.file.Files.exists(primary), "the primary file is gone");
        assertFalse(java.nio.file.Files.exists(backup), "the backup site's copy is gone");
    }

    /** Two runs released at once on two threads; returns their removals for the tenant, added up. */
    private Map<String, Integer> raceTwoRuns(String tenant) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<RetentionRuns.Run>> both = List.of(threads.submit(() -> {
                start.await();
                return job.run();
            }), threads.submit(() -> {
                start.await();
                return job.run();
            }));
            start.countDown();
            Map<String, Integer> sum = new TreeMap<>();
            for (Future<RetentionRuns.Run> run : both) {
                ofTenant(run.get(120, TimeUnit.SECONDS), tenant).forEach((category, count) -> sum.merge(category, count, Integer::sum));
            }
            return sum;
        } finally {
            threads.shutdownNow();
        }
    }

    private static Map<String, Integer> ofTenant(RetentionRuns.Run run, String tenant) {
        Map<String, Integer> counts = new TreeMap<>();
        run.removed().forEach((key, count) -> {
            if (key.startsWith(tenant + "/")) {
                counts.put(key.substring(tenant.length() + 1), count);
            }
        });
        return counts;
    }

    private static Map<String, Long> pick(Map<String, Long> due) {
        Map<String, Long> picked = new TreeMap<>();
        for (String category : List.of("unconfirmed-registrations", "sent-mail-bodies", "live-events", "questions", "attendance")) {
            picked.put(category, due.get(category));
        }
        return picked;
    }

    /** A tenant with a session that ended an hour ago and something of every category in it. */
    private UUID seed(String tenant) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            UUID webinar = SqlSeed.webinarWithOneSession(connection, tenant, "Retention", OffsetDateTime.now(ZoneOffset.UTC).minusHours(2));
            UUID session = uuid(connection, "SELECT id FROM webinar_session WHERE webinar_id = ?", webinar);
            for (int i = 0; i < UNCONFIRMED + 2; i++) {
                UUID registration = UUID.randomUUID();
                String status = i < UNCONFIRMED ? "UNCONFIRMED" : "REGISTERED";
                update(connection, """
                        INSERT INTO registration (id, webinar_id, tenant_id, name, email, email_normalized, status,
                            privacy_acknowledged_at, confirm_expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, now(), now() + interval '1 day')""",
                        registration, webinar, tenant, "Person " + i, "p" + i + "@" + tenant + ".example", "p" + i + "@" + tenant + ".example", status);
                update(connection, """
                        INSERT INTO consent_record (id, subject_kind, subject_id, webinar_id, kind, notice_version, given_at)
                        VALUES (?, 'REGISTRATION', ?, ?, 'PRIVACY_NOTICE', 'privacy-notice-v1', now())""", UUID.randomUUID(), registration, webinar);
                update(connection, """
                        INSERT INTO registration_answer (registration_id, question_id, answer)
                        SELECT ?, q.id, 'a' FROM registration_question q WHERE q.webinar_id = ?""", registration, webinar);
            }
            for (int i = 0; i <= SENT; i++) {
                boolean sent = i < SENT;
                update(connection, """
                        INSERT INTO mail_outbox (id, tenant_id, dedupe_key, recipient, subject, body_text, body_html, calendar,
                            send_after, sent_at, status) VALUES (?, ?, ?, ?, 'Subject', 'text body', '<p>html body</p>', 'BEGIN:VCALENDAR',
                            now() + interval '200 days', ?, ?)""", UUID.randomUUID(), tenant, tenant + ":mail:" + i, "p" + i + "@" + tenant + ".example",
                        sent ? Timestamp.from(Instant.now()) : null, sent ? "SENT" : "PENDING");
            }
            for (int i = 1; i <= EVENTS; i++) {
                update(connection, """
                        INSERT INTO live_event (session_id, id, tenant_id, type, audience, actor_participant, payload, created_at)
                        VALUES (?, ?, ?, 'chat.message', 'EVERYONE', ?, '{"text": "hello"}'::jsonb, now())""",
                        session, (long) i, tenant, UUID.randomUUID());
            }
            for (int i = 0; i < QUESTIONS; i++) {
                UUID question = UUID.randomUUID();
                update(connection, """
                        INSERT INTO live_question (id, session_id, tenant_id, author_participant, anonymous, text, status, asked_at)
                        VALUES (?, ?, ?, ?, false, 'A question', 'OPEN', now())""", question, session, tenant, UUID.randomUUID());
                update(connection, """
                        INSERT INTO live_question_upvote (question_id, voter, session_id, tenant_id, participant_id, created_at)
                        VALUES (?, ?, ?, ?, ?, now())""", question, UUID.randomUUID(), session, tenant, UUID.randomUUID());
            }
            for (int i = 0; i < PRESENCES; i++) {
                update(connection, """
                        INSERT INTO attendance_presence (id, tenant_id, webinar_id, session_id, registration_id, attendee_session_id,
                            node_id, connected_at, last_seen_at, disconnected_at) VALUES (?, ?, ?, ?, ?, ?, 'node', now() - interval '1 hour',
                            now() - interval '30 minutes', now() - interval '30 minutes')""",
                        UUID.randomUUID(), tenant, webinar, session, UUID.randomUUID(), UUID.randomUUID());
            }
            for (String age : List.of("3 years", "3 years", "1 hour")) {
                update(connection, """
                        INSERT INTO transfer_log (occurred_at, node_id, node_region, tenant_id, category, purpose, from_region,
                            destination, to_region, outcome) VALUES (now() - ?::interval, 'node', 'eu-fra', ?, 'mail', 'mail', 'eu-fra',
                            'relay', 'eu-fra', 'ALLOWED')""", age, tenant);
            }
            return session;
        }
    }

    private static void update(Connection connection, String sql, Object... values) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    private static UUID uuid(Connection connection, String sql, Object value) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getObject(1, UUID.class);
            }
        }
    }

    private long count(String sql, Object... values) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
