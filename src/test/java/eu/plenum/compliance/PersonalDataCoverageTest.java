package eu.plenum.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.shared.PersonalDataColumns;
import eu.plenum.shared.PersonalDataHolder;
import eu.plenum.testsupport.PlenumTestServers;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The registry of personal-data columns against the real schema (information_schema after Flyway):
 * every column that looks personal — by its name, or because it holds free text, JSON or an IP
 * address — is covered by a {@link PersonalDataHolder} ({@link PersonalDataColumns}), judged not
 * personal here with a reason, or a known gap that open work closes. A new migration with such a
 * column fails this test until someone decides which it is.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class PersonalDataCoverageTest {

    /** Words in a column's name that suggest a person or what a person wrote. */
    private static final Set<String> PERSONAL_WORDS = Set.of("name", "email", "address", "ip", "phone", "mobile",
            "text", "body", "message", "comment", "question", "answer", "payload", "author", "recipient", "user", "by",
            "speaker", "speakers", "participant", "actor", "purpose", "detail", "description", "label", "note", "notes",
            "reason", "error");
    private static final Pattern E_MAIL = Pattern.compile("e_?mail");
    /** varchar at least this long is free text, whatever its name. */
    private static final int FREE_TEXT_LENGTH = 300;

    /** Columns judged not personal, each with the reason. */
    static final Map<String, String> NOT_PERSONAL = Map.ofEntries(
            Map.entry("tenant.name", "an organisation's name, not a natural person's"),
            Map.entry("tenant.suspension_reason", "a code from a fixed list (payment, contract-ended, abuse, security, other), never free text"),
            Map.entry("consent_record.withdrawn_by", "who withdrew: SUBJECT or OFFICER, never a person's identity"),
            Map.entry("compliance_audit_entry.actor", "a staff account's id (Keycloak subject) or system:<job>, never a name"),
            Map.entry("compliance_audit_entry.details", "counts and outcomes; AuditEntry's contract forbids personal data in clear"),
            Map.entry("transfer_log.legal_basis", "the operator's legal basis for a region (e.g. an adequacy decision)"),
            Map.entry("tenant_region_allowance.legal_basis", "the operator's legal basis for an allowed region"),
            Map.entry("webhook_endpoint.url", "the address of a tenant's receiving system, entered by the host"),
            Map.entry("webhook_endpoint.description", "the host's label of its own endpoint"),
            Map.entry("webinar.description", "the public description of a webinar, written by the host"),
            Map.entry("registration_question.label", "a question's text, written by the host"),
            Map.entry("registration_question.choices", "a question's offered choices, written by the host"),
            Map.entry("registration_answer.question_id", "the id of the question answered (the answer is covered)"),
            Map.entry("room_event.detail", "operational detail of a room (tracks, media errors, worker waits), never names"),
            Map.entry("recording.file_path", "a path made of ids under the storage root"),
            Map.entry("recording_copy.last_error", "file-copy errors of the copy job"),
            Map.entry("live_poll.question", "a poll's question, written by a host or moderator"),
            Map.entry("live_poll.options", "a poll's offered options, written by a host or moderator"),
            Map.entry("live_question_upvote.question_id", "the id of the question upvoted (the voter is covered)"),
            Map.entry("webhook_delivery.last_error", "the receiver's HTTP status or a connection error; never the receiver's body"),
            Map.entry("webhook_endpoint.events", "the event types an endpoint subscribed to"),
            Map.entry("webhook_endpoint.secret_sealed", "an endpoint's signing secret, AES-GCM sealed: a credential, not about a person"),
            Map.entry("webhook_endpoint.previous_secret_sealed", "the rotated-out secret, sealed likewise, kept 24 h"),
            Map.entry("database_timeline.seen_by", "the id of the app node that saw a timeline"),
            Map.entry("app_node.url", "a node's own base URL"),
            Map.entry("live_room.ended_reason", "an enumeration (HOST_ENDED, MEDIA_FAILURE, NO_WORKER)"),
            Map.entry("attendee_session.ended_reason", "an enumeration (REVOKED, OTHER_DEVICE, LEFT)"),
            Map.entry("compliance_subject_request.created_by", "a staff account's id (Keycloak subject) or system:self-service"),
            Map.entry("compliance_subject_request.export_file", "a file name made of the request's id"),
            Map.entry("compliance_subject_request.failure", "the export job's failure text (an exception class name), never data"),
            Map.entry("compliance_privacy_ask.address_key", "a keyed hash (SubjectKeys) of the address, to count asks per day; "
                    + "the row is deleted a day after the ask"),
            Map.entry("compliance_erasure.requested_by", "the officer's account id (Keycloak subject), never a name"),
            Map.entry("compliance_erasure.last_error", "the class name of the exception an attempt failed with, never its message"));

    /**
     * Personal data this branch does not cover yet, each with who closes it. Staff (hosts, operators)
     * are data subjects too, but not ones found by an attendee's address: their account data is the
     * identity work of issue 14.
     */
    static final Map<String, String> KNOWN_GAPS = Map.ofEntries(
            Map.entry("transfer_log.purpose", "free text (\"mail <id>\", \"export of webinar <id>\"): ids today; append-only, "
                    + "so erasure needs the audit-log redaction design of issue 14"),
            Map.entry("transfer_log.reason", "free text of the guard's decision; same append-only problem as purpose"),
            Map.entry("tenant_region_allowance.granted_by", "staff: the operator who granted a region"),
            Map.entry("webinar.created_by", "staff: the host's Keycloak subject"),
            Map.entry("webinar.speakers", "speakers' names, published by the host; speakers are no registrants, the host edits them"),
            Map.entry("host_calendar_feed.user_id", "staff: the host's Keycloak subject"),
            Map.entry("live_moderator.user_id", "staff: a moderator's Keycloak subject"),
            Map.entry("live_ban.banned_by", "staff: the moderator who banned"),
            Map.entry("live_ban.participant_id", "a ban of a device id (and registration): no holder exports or erases it yet"),
            Map.entry("live_presence.display_name", "the name shown while a socket is open; the row goes with the socket (or its "
                    + "node's sweep), no holder exports it yet"),
            Map.entry("live_presence.participant_id", "the device of an open socket; same as display_name"));

    @Inject
    AgroalDataSource dataSource;

    @Inject
    @Any
    Instance<PersonalDataHolder> holders;

    /** Each column of the schema as {@code table.column}, with what makes it look personal, or absent. */
    private Map<String, String> schemaColumns() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return schemaColumns(connection);
        }
    }

    private static Map<String, String> schemaColumns(Connection connection) throws Exception {
        Map<String, String> columns = new TreeMap<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("""
                        SELECT c.table_name, c.column_name, c.data_type, c.character_maximum_length
                        FROM information_schema.columns c JOIN information_schema.tables t
                            ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
                        -- Flyway's own history: migration names and scripts
                        WHERE c.table_schema = current_schema() AND c.table_name <> 'flyway_schema_history'""")) {
            while (result.next()) {
                String column = result.getString(2).toLowerCase(Locale.ROOT);
                Integer length = (Integer) result.getObject(4);
                columns.put(result.getString(1).toLowerCase(Locale.ROOT) + "." + column,
                        whyPersonal(column, result.getString(3), length));
            }
        }
        return columns;
    }

    static String whyPersonal(String column, String type, Integer length) {
        if (E_MAIL.matcher(column).find()) {
            return "e-mail in its name";
        }
        for (String word : column.split("_")) {
            if (PERSONAL_WORDS.contains(word)) {
                return "'" + word + "' in its name";
            }
        }
        return switch (type) {
            case "text", "json", "jsonb" -> "free " + type;
            case "inet", "cidr", "macaddr" -> "a network address";
            case "character varying", "character" -> length == null || length >= FREE_TEXT_LENGTH ? "free text (varchar "
                    + (length == null ? "unbounded" : length) + ")" : "";
            default -> "";
        };
    }

    /** Every column that holders declare, with the category that declares it. */
    private Map<String, String> covered() {
        Map<String, String> covered = new HashMap<>();
        for (Instance.Handle<PersonalDataHolder> holder : holders.handles()) {
            PersonalDataColumns columns = holder.getBean().getBeanClass().getAnnotation(PersonalDataColumns.class);
            assertNotNull(columns, holder.getBean().getBeanClass() + " declares no @PersonalDataColumns");
            Arrays.stream(columns.value()).forEach(column -> covered.put(column, holder.get().category()));
        }
        return covered;
    }

    /** Columns that look personal and that nobody decided about, each with why it looks personal. */
    private Set<String> undecided(Map<String, String> schema) {
        Map<String, String> covered = covered();
        Set<String> undecided = new TreeSet<>();
        schema.forEach((column, why) -> {
            String table = column.substring(0, column.indexOf('.'));
            if (!why.isEmpty() && !covered.containsKey(column) && !NOT_PERSONAL.containsKey(column)
                    && !KNOWN_GAPS.containsKey(column)) {
                undecided.add(column + " (" + why + ")");
            }
        });
        return undecided;
    }

    @Test
    void everyColumnThatLooksPersonalIsCoveredJudgedOrAKnownGap() throws Exception {
        Set<String> undecided = undecided(schemaColumns());
        assertTrue(undecided.isEmpty(), "Columns that look personal, covered by no PersonalDataHolder (declare them in its "
                + "@PersonalDataColumns) and judged by nobody (NOT_PERSONAL or KNOWN_GAPS here): " + undecided);
    }

    @Test
    void aNewTableWithPersonalColumnsFailsTheCheck() throws Exception {
        // Only the schema owner creates tables; the app's runtime role may not.
        try (Connection connection = eu.plenum.testsupport.PlenumTestServers.ownerConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // PostgreSQL's DDL is transactional: the probe table never exists for anyone else
                statement.execute("""
                        CREATE TABLE coverage_probe (id uuid PRIMARY KEY, display_name varchar(80), client_ip varchar(45),
                            remarks text, status varchar(12))""");
                assertEquals(Set.of("coverage_probe.client_ip ('ip' in its name)",
                        "coverage_probe.display_name ('name' in its name)", "coverage_probe.remarks (free text)"),
                        undecided(schemaColumns(connection)));
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void theRegistryNamesOnlyColumnsThatExistAndDecidesEachOnce() throws Exception {
        Set<String> schema = schemaColumns().keySet();
        Map<String, String> covered = covered();
        Set<String> stale = new TreeSet<>();
        for (Set<String> declared : java.util.List.of(covered.keySet(), NOT_PERSONAL.keySet(), KNOWN_GAPS.keySet())) {
            declared.stream().filter(column -> !schema.contains(column)).forEach(stale::add);
        }
        assertTrue(stale.isEmpty(), "declared columns that the schema does not have: " + stale);
        Set<String> twice = new TreeSet<>(covered.keySet());
        twice.removeIf(column -> !NOT_PERSONAL.containsKey(column) && !KNOWN_GAPS.containsKey(column));
        assertTrue(twice.isEmpty(), "covered and also judged not personal or a gap: " + twice);
    }

    @Test
    void eachHolderHasItsOwnCategory() {
        Set<String> categories = new TreeSet<>();
        int count = 0;
        for (PersonalDataHolder holder : holders) {
            categories.add(holder.category());
            count++;
        }
        assertEquals(count, categories.size(), "two holders share a category: " + categories);
        assertTrue(categories.containsAll(Set.of("registrations", "registration-answers", "consent-records",
                "attendee-sessions", "mails")), categories.toString());
    }

    @Test
    void theRuleSeesWhatLooksPersonal() {
        assertEquals("e-mail in its name", whyPersonal("email_normalized", "character varying", 254));
        assertEquals("'name' in its name", whyPersonal("display_name", "character varying", 80));
        assertEquals("'ip' in its name", whyPersonal("client_ip", "character varying", 45));
        assertEquals("free jsonb", whyPersonal("data", "jsonb", null));
        assertEquals("a network address", whyPersonal("source", "inet", null));
        assertEquals("", whyPersonal("status", "character varying", 12));
        assertEquals("", whyPersonal("started_at", "timestamp with time zone", null));
    }
}
