package eu.plenum.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Open webinars on packaged app nodes: seeded in SQL, entered through the watch link, joined over the live socket. */
public final class OpenWebinars {

    /** An open webinar and its one session. */
    public record Seeded(UUID webinar, UUID session) {
    }

    private OpenWebinars() {
    }

    /** An open webinar of {@code tenant} with one session starting in five minutes. */
    public static Seeded seed(Connection connection, String tenant, String title) throws SQLException {
        UUID webinar = SqlSeed.webinarWithOneSession(connection, tenant, title, OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5));
        try (PreparedStatement open = connection.prepareStatement("UPDATE webinar SET access_mode = 'OPEN' WHERE id = ?")) {
            open.setObject(1, webinar);
            assertEquals(1, open.executeUpdate());
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM webinar_session WHERE webinar_id = ?")) {
            query.setObject(1, webinar);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new Seeded(webinar, rows.getObject(1, UUID.class));
            }
        }
    }

    /** "Enter" on the open webinar's watch link of that node: the open-viewer cookie. */
    public static String enter(PackagedJar node, UUID webinar) throws Exception {
        HttpResponse<String> entered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.url("/watch/" + webinar + "/enter")))
                .header("Sec-Fetch-Site", "same-origin").POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, entered.statusCode(), entered.body());
        String setCookie = entered.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    /** The live socket of that node for an open viewer under a display name; {@code query} is "" or "?after=N". */
    public static LiveClient socket(PackagedJar node, UUID session, String cookie, String name, String query) {
        String origin = node.url("");
        String url = origin.replace("http://", "ws://") + "/interact/sessions/" + session + (query.isEmpty() ? "?" : query + "&") + "name=" + name;
        return LiveClient.openAt(url, "Cookie", cookie, "Origin", origin);
    }
}
