package eu.plenum.compliance;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.shared.PersonalDataColumns;
import eu.plenum.shared.PersonalDataHolder;
import eu.plenum.testsupport.Attendees;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.Webinars;
import io.agroal.api.AgroalDataSource;
import io.restassured.http.Cookie;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * People with data in the contexts, made over real HTTP (a recorded webinar with one text question;
 * registration with an answer and consents, confirmation, Enter, the attendee page, mails), and the
 * SQL probes the compliance tests judge the result with: shared by the per-person contract test and
 * the erasure tests, so that both seed people alike.
 */
final class PersonSeeds {

    /** One seeded person: what they typed, the registration the database gave them, their join token and attendee cookie. */
    record Person(String name, String email, String answer, UUID registrationId, String joinToken, Cookie cookie) {
    }

    private final AgroalDataSource dataSource;

    PersonSeeds(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A webinar of {@code host} with registration open, recording with consent and one optional text question. */
    static String webinarWithOneTextQuestion(String title) {
        Map<String, Object> body = Webinars.sample(title);
        body.put("registrationMode", "OPEN");
        body.put("recordingPolicy", "ON_WITH_CONSENT");
        body.put("questions", List.of(Map.of("kind", "TEXT", "label", "Your company", "required", false)));
        return Webinars.create(Tokens.HOST, body);
    }

    UUID questionOf(String webinarId) throws Exception {
        return uuid("SELECT id FROM registration_question WHERE webinar_id = ?", UUID.fromString(webinarId));
    }

    /** Registers with an answer and recording consent, confirms, enters the lobby and opens the attendee page. */
    Person seated(String webinarId, UUID question, String name, String email, String answer) throws Exception {
        String token = Attendees.joinToken(webinarId, email, Map.of("name", name, "email", email, "privacyAcknowledged", true,
                "recordingConsent", true, "answers", Map.of(question.toString(), answer)));
        Cookie cookie = given().redirects().follow(false).header("Sec-Fetch-Site", "same-origin").post("/join/" + token + "/enter")
                .then().statusCode(303).extract().detailedCookie("plenum_attendee_" + webinarId);
        given().cookie(cookie).get("/attend/" + webinarId).then().statusCode(200);
        UUID registration = uuid("SELECT id FROM registration WHERE email_normalized = ? ORDER BY created_at DESC LIMIT 1",
                email.toLowerCase(java.util.Locale.ROOT));
        return new Person(name, email, answer, registration, token, cookie);
    }

    /** Mail that is still being sent would change status between two exports. */
    void awaitOutboxSettled(String... recipients) throws Exception {
        for (int i = 0; i < 600; i++) {
            long waiting = 0;
            for (String recipient : recipients) {
                waiting += count("SELECT count(*) FROM mail_outbox WHERE recipient = ? AND status IN ('PENDING', 'SENDING')", recipient);
            }
            if (waiting == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("mails still waiting in the outbox after 2 minutes");
    }

    /** Every covered column (as the holders declare them) in which {@code text} occurs, case-insensitively. */
    List<String> coveredColumnsHolding(Instance<PersonalDataHolder> holders, String text) throws Exception {
        List<String> found = new ArrayList<>();
        for (Instance.Handle<PersonalDataHolder> holder : holders.handles()) {
            for (String column : holder.getBean().getBeanClass().getAnnotation(PersonalDataColumns.class).value()) {
                if (holds(column, text)) {
                    found.add(column);
                }
            }
        }
        return found;
    }

    /**
     * Every column of the schema that can hold text (character, text, JSON), covered by a holder or
     * not — the transfer log's purpose, webhook payloads and mail bodies included — in which
     * {@code text} occurs, case-insensitively.
     */
    List<String> textColumnsHolding(String text) throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("""
                        SELECT c.table_name, c.column_name FROM information_schema.columns c JOIN information_schema.tables t
                            ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
                        WHERE c.table_schema = current_schema() AND c.table_name <> 'flyway_schema_history'
                            AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')""")) {
            while (result.next()) {
                columns.add(result.getString(1) + "." + result.getString(2));
            }
        }
        List<String> found = new ArrayList<>();
        for (String column : columns) {
            if (holds(column, text)) {
                found.add(column);
            }
        }
        return found;
    }

    private boolean holds(String column, String text) throws Exception {
        String[] parts = column.split("\\.");
        return count("SELECT count(*) FROM " + parts[0] + " WHERE strpos(lower(" + parts[1] + "::text), lower(?)) > 0", text) > 0;
    }

    long count(String sql, Object parameter) throws Exception {
        return query(sql, parameter, result -> result.getLong(1));
    }

    UUID uuid(String sql, Object parameter) throws Exception {
        return query(sql, parameter, result -> result.getObject(1, UUID.class));
    }

    String text(String sql, Object parameter) throws Exception {
        return query(sql, parameter, result -> result.getString(1));
    }

    interface Column<T> {
        T read(ResultSet result) throws Exception;
    }

    <T> T query(String sql, Object parameter, Column<T> column) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                assertTrue(result.next(), "no row for " + sql);
                return column.read(result);
            }
        }
    }
}
