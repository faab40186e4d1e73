package eu.plenum.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.Cookie;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A person with data in every context that the public surface reaches, made over real HTTP: a
 * registration with an answer and consents, confirmed through the mailed link (mails), an entered
 * lobby and an opened attendee page (attendee session). The one seed fixture: the per-person contract
 * test, the export, erasure and consent tests and the benchmarks seed people this way
 * ({@code compliance.PersonalDataProbes} holds the SQL probes that judge the result).
 */
public final class PersonSeed {

    /** One seeded person: what they typed, the registration the database gave them, their join token and attendee cookie. */
    public record Person(String name, String email, String answer, UUID registrationId, String joinToken, Cookie cookie) {
    }

    private PersonSeed() {
    }

    /** A recorded (with consent) webinar of the sample host's tenant with one free-text question "Your company". */
    public static String webinarWithOneTextQuestion(String title) {
        Map<String, Object> body = Webinars.sample(title);
        body.put("registrationMode", "OPEN");
        body.put("recordingPolicy", "ON_WITH_CONSENT");
        body.put("questions", List.of(Map.of("kind", "TEXT", "label", "Your company", "required", false)));
        return Webinars.create(Tokens.HOST, body);
    }

    /** The id of the webinar's one question. */
    public static UUID questionOf(DataSource data, String webinarId) throws Exception {
        return uuid(data, "SELECT id FROM registration_question WHERE webinar_id = ?", UUID.fromString(webinarId));
    }

    /** Registers with an answer and recording consent, confirms, enters the lobby and opens the attendee page. */
    public static Person seated(DataSource data, String webinarId, UUID question, String name, String email, String answer)
            throws Exception {
        String token = Attendees.joinToken(webinarId, email, Map.of("name", name, "email", email, "privacyAcknowledged", true,
                "recordingConsent", true, "answers", Map.of(question.toString(), answer)));
        Cookie cookie = given().redirects().follow(false).header("Sec-Fetch-Site", "same-origin").post("/join/" + token + "/enter")
                .then().statusCode(303).extract().detailedCookie("plenum_attendee_" + webinarId);
        given().cookie(cookie).get("/attend/" + webinarId).then().statusCode(200);
        return new Person(name, email, answer,
                uuid(data, "SELECT id FROM registration WHERE webinar_id = ? AND email_normalized = ?", UUID.fromString(webinarId),
                        email),
                token, cookie);
    }

    /** Waits until no mail to the recipients is still being sent (its status would change between two exports). */
    public static void awaitOutboxSettled(DataSource data, String... recipients) throws Exception {
        for (int i = 0; i < 600; i++) {
            long waiting = 0;
            for (String recipient : recipients) {
                waiting += count(data, "SELECT count(*) FROM mail_outbox WHERE recipient = ? AND status IN ('PENDING', 'SENDING')",
                        recipient);
            }
            if (waiting == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("mails still waiting in the outbox after 2 minutes");
    }

    public static long count(DataSource data, String sql, Object... parameters) throws Exception {
        return query(data, sql, parameters, result -> result.getLong(1));
    }

    public static UUID uuid(DataSource data, String sql, Object... parameters) throws Exception {
        return query(data, sql, parameters, result -> result.getObject(1, UUID.class));
    }

    private interface Column<T> {
        T read(ResultSet result) throws Exception;
    }

    private static <T> T query(DataSource data, String sql, Object[] parameters, Column<T> column) throws Exception {
        try (Connection connection = data.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    throw new AssertionError("no row for " + sql);
                }
                return column.read(result);
            }
        }
    }
}
