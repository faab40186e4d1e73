package eu.plenum.liveroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import eu.plenum.testsupport.LiveClient;
import eu.plenum.testsupport.OpenWebinars;
import eu.plenum.testsupport.PackagedJar;
import eu.plenum.testsupport.PostgresServer;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The live-event listener after a database failover: the app runs on a primary with a synchronous
 * standby (Debian's PostgreSQL); the primary is killed and the standby promoted. The listener's own
 * connection breaks; it must connect to the new primary and catch up, so that a message written after
 * the failover reaches the other participant. The periodic catch-up is set to ten minutes here, so only
 * the listener (its notices and its catch-up on reconnecting) can deliver the message in time.
 */
class LiveListenerFailoverIT {

    @Test
    void afterAFailoverTheListenerFollowsTheNewPrimaryAndParticipantsMissNothing() throws Exception {
        try (PostgresServer primary = PostgresServer.primary("siteb");
                PostgresServer standby = PostgresServer.standbyOf(primary, "siteb")) {
            primary.awaitSynchronousStandby();
            String url = "jdbc:postgresql://127.0.0.1:" + primary.port() + ",127.0.0.1:" + standby.port()
                    + "/plenum?targetServerType=primary&connectTimeout=2&socketTimeout=10";
            Map<String, String> env = new HashMap<>(PostgresServer.asRuntimeRole(Map.of("QUARKUS_DATASOURCE_JDBC_URL", url)));
            env.put("PLENUM_LIVE_CATCH_UP_EVERY", "10m");
            try (PackagedJar app = PackagedJar.start("live-failover-app", env, PostgresServer.declaredStandby("siteb"))) {
                assertEquals(200, app.awaitReady(), app.output());
                OpenWebinars.Seeded seeded;
                try (Connection connection = primary.connect("plenum")) {
                    seeded = OpenWebinars.seed(connection, "livefailover", "Chat through a failover");
                }
                String anaCookie = OpenWebinars.enter(app, seeded.webinar());
                String benCookie = OpenWebinars.enter(app, seeded.webinar());
                try (LiveClient ana = OpenWebinars.socket(app, seeded.session(), anaCookie, "Ana", "");
                        LiveClient ben = OpenWebinars.socket(app, seeded.session(), benCookie, "Ben", "")) {
                    ana.awaitType("welcome");
                    ben.awaitType("welcome");
                    ben.send(Map.of("type", "chat.send", "text", "before the failover", "ref", "b0"));
                    assertEquals("ack", ben.await(LiveListenerFailoverIT::answer, "the answer").path("type").asText(), ben.all().toString());
                    ana.await(text("before the failover"), "the message before the failover");

                    primary.kill();
                    Thread.sleep(1000); // the operator (or automation) notices and promotes
                    standby.promoteAlone();
                    List<String> sent = new ArrayList<>();
                    Instant deadline = Instant.now().plusSeconds(90);
                    int attempt = 0;
                    while (sent.size() < 3 && Instant.now().isBefore(deadline)) {
                        String message = "after the failover " + (++attempt);
                        ben.send(Map.of("type", "chat.send", "text", message, "ref", "a" + attempt));
                        if ("ack".equals(ben.await(LiveListenerFailoverIT::answer, "an answer").path("type").asText())) {
                            sent.add(message); // refused while the database is away: tried again
                        } else {
                            Thread.sleep(1000);
                        }
                    }
                    assertEquals(3, sent.size(), "the app writes again after the promotion: " + ben.all() + "\n" + app.output());
                    for (String message : sent) {
                        ana.await(text(message), "\"" + message + "\" on the other socket (the listener reconnected)");
                    }
                    List<String> atAna = new ArrayList<>();
                    long previous = 0;
                    for (JsonNode frame : ana.all()) {
                        if ("event".equals(frame.path("type").asText()) && "chat.message".equals(frame.path("event").asText())) {
                            assertTrue(frame.path("id").asLong() > previous, "no duplicate and in order: " + ana.all());
                            previous = frame.path("id").asLong();
                            atAna.add(frame.path("data").path("text").asText());
                        }
                    }
                    List<String> expected = new ArrayList<>(List.of("before the failover"));
                    expected.addAll(sent);
                    assertEquals(expected, atAna, "exactly the acknowledged messages, once each, in order");
                    assertTrue(app.output().contains("Live event listener connected again"), "the listener reconnected: " + app.output());
                }
            }
        }
    }

    private static boolean answer(JsonNode frame) {
        String type = frame.path("type").asText();
        return "ack".equals(type) || "error".equals(type);
    }

    private static java.util.function.Predicate<JsonNode> text(String text) {
        return frame -> text.equals(frame.path("data").path("text").asText());
    }



}
