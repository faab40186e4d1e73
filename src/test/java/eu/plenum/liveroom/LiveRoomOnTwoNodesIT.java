package eu.plenum.liveroom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import eu.plenum.testsupport.ExternalDatabase;
import eu.plenum.testsupport.LiveClient;
import eu.plenum.testsupport.OpenWebinars;
import eu.plenum.testsupport.PackagedJar;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two packaged app nodes on one database: a message sent on node B reaches a participant on node A,
 * in order (LISTEN/NOTIFY, rows read from the table); node B is killed, its participant reconnects to
 * node A with the last id it saw and misses nothing that was said meanwhile.
 */
class LiveRoomOnTwoNodesIT {

    @Test
    void aMessageSentOnOneNodeReachesTheOtherInOrderAndADeadNodesParticipantsMissNothing() throws Exception {
        try (ExternalDatabase database = ExternalDatabase.start()) {
            Map<String, String> env = database.asRuntimeRole(Map.of("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                    "PLENUM_ROLES", "app"));
            try (PackagedJar nodeA = PackagedJar.start("live-node-a", with(env, "PLENUM_NODE_ID", "live-a"), Map.of())) {
                assertEquals(200, nodeA.awaitReady(), nodeA.output());
                PackagedJar nodeB = PackagedJar.start("live-node-b", with(env, "PLENUM_NODE_ID", "live-b"), Map.of());
                try {
                    assertEquals(200, nodeB.awaitReady(), nodeB.output());
                    OpenWebinars.Seeded seeded;
                    try (Connection connection = database.connect()) {
                        seeded = OpenWebinars.seed(connection, "livenodes", "Chat on two nodes");
                    }
                    UUID webinar = seeded.webinar();
                    UUID session = seeded.session();
                    String anaCookie = OpenWebinars.enter(nodeA, webinar);
                    String benCookie = OpenWebinars.enter(nodeB, webinar);

                    try (LiveClient ana = OpenWebinars.socket(nodeA, session, anaCookie, "Ana", "")) {
                        ana.awaitType("welcome");
                        LiveClient ben = OpenWebinars.socket(nodeB, session, benCookie, "Ben", "");
                        ben.awaitType("welcome");
                        for (int i = 1; i <= 5; i++) {
                            ben.send(Map.of("type", "chat.send", "text", "from B " + i, "ref", "b" + i));
                            ben.awaitType("ack");
                        }
                        List<String> atA = new ArrayList<>();
                        for (int i = 1; i <= 5; i++) {
                            atA.add(ana.awaitEvent("chat.message").path("data").path("text").asText());
                        }
                        assertEquals(List.of("from B 1", "from B 2", "from B 3", "from B 4", "from B 5"), atA, "in order on node A");
                        long benLast = ben.await(frame -> "from B 5".equals(frame.path("data").path("text").asText()), "his last")
                                .path("id").asLong();

                        nodeB.process().destroyForcibly();
                        nodeB.awaitExit();
                        ben.awaitClose(); // the socket to the dead node is gone
                        List<String> meanwhile = List.of("while B was down 1", "while B was down 2", "while B was down 3");
                        for (String text : meanwhile) {
                            ana.send(Map.of("type", "chat.send", "text", text, "ref", "a"));
                            ana.awaitType("ack");
                        }
                        try (LiveClient benAgain = OpenWebinars.socket(nodeA, session, benCookie, "Ben", "?after=" + benLast)) {
                            benAgain.awaitType("welcome");
                            ana.send(Map.of("type", "chat.send", "text", "live again", "ref", "a"));
                            benAgain.await(frame -> "live again".equals(frame.path("data").path("text").asText()), "the live message");
                            List<String> texts = new ArrayList<>();
                            long previous = benLast;
                            for (JsonNode frame : benAgain.all()) {
                                if ("event".equals(frame.path("type").asText())) {
                                    assertEquals(true, frame.path("id").asLong() > previous, "no duplicates: " + benAgain.all());
                                    previous = frame.path("id").asLong();
                                    texts.add(frame.path("data").path("text").asText());
                                }
                            }
                            List<String> expected = new ArrayList<>(meanwhile);
                            expected.add("live again");
                            assertEquals(expected, texts, "exactly what he missed, then live");
                        }
                    }
                } finally {
                    nodeB.close();
                }
            }
        }
    }




    private static Map<String, String> with(Map<String, String> env, String... more) {
        Map<String, String> all = new java.util.HashMap<>(env);
        for (int i = 0; i < more.length; i += 2) {
            all.put(more[i], more[i + 1]);
        }
        return all;
    }
}
