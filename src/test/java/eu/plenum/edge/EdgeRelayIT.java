package eu.plenum.edge;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import eu.plenum.shared.PlaybackSignatures;
import eu.plenum.shared.SecretTokens;
import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.ExternalDatabase;
import eu.plenum.testsupport.FreePorts;
import eu.plenum.testsupport.Netns;
import eu.plenum.testsupport.OpenWebinars;
import eu.plenum.testsupport.PackagedJar;
import eu.plenum.testsupport.ProjectPaths;
import eu.plenum.testsupport.WhipPublishers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A real edge-only node in a namespace of its own ("us-vin") whose only way out is the origin's port; an
 * attendee's Chromium in a third namespace that reaches the origin (the open watch page) and the edge:
 * the attendee plays the open webinar's HLS through the edge; a registration-only room's HLS is refused by
 * the edge and, asked by an edge, by the origin; a registration and a sign-in sent to the edge leave no
 * trace of the attendee's name or e-mail address in the edge's heap, its temporary directory or its log.
 */
class EdgeRelayIT {

    private static final LocatorAssertions.HasAttributeOptions SLOW = new LocatorAssertions.HasAttributeOptions().setTimeout(90_000);
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aUsAttendeePlaysAnOpenWebinarThroughTheEdgeWhichKeepsNothingPersonal() throws Exception {
        int originPort = FreePorts.next();
        int edgePort = FreePorts.next();
        String origin = "http://127.0.0.1:" + originPort;
        String edge = "http://127.0.0.1:" + edgePort;
        Path edgeTemp = Files.createDirectories(ProjectPaths.target("it-edge", "tmp-" + UUID.randomUUID()));
        try (ExternalDatabase database = ExternalDatabase.start(); Netns net = new Netns()) {
            String usVin = net.create("plenum-us-vin");
            String attendeeNet = net.create("plenum-attendee");
            net.forward(usVin, Netns.ROOT, originPort); // the edge's one route: the origin
            net.forward(Netns.ROOT, usVin, edgePort); // this test talks to the edge
            net.forward(attendeeNet, Netns.ROOT, originPort);
            net.forward(attendeeNet, usVin, edgePort);

            Map<String, String> originEnv = new HashMap<>(database.asRuntimeRole(Map.of("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                    "PLENUM_MEDIA_ICE_ADDRESSES", "127.0.0.1", "PLENUM_ROLES", "app,media-worker",
                    "PLENUM_RESIDENCY_PLACES_RECORDINGS_TARGET", ProjectPaths.target("it-edge", "recordings").toString())));
            originEnv.putAll(Map.of("QUARKUS_HTTP_PORT", String.valueOf(originPort), "PLENUM_HLS_ENABLED", "true",
                    "PLENUM_HLS_WIDTH", "320", "PLENUM_HLS_HEIGHT", "240", "PLENUM_EDGE_PLAYBACK_BASE_URL", edge));
            Map<String, String> edgeEnv = new HashMap<>(PackagedJar.edgeEnvironment(origin));
            edgeEnv.putAll(Map.of("QUARKUS_HTTP_PORT", String.valueOf(edgePort), "PLENUM_EDGE_NAME", "us-vin"));
            try (PackagedJar originNode = PackagedJar.start("edge-it-origin", originEnv, Map.of());
                    PackagedJar edgeNode = PackagedJar.startIn(usVin, "edge-it-edge", edgeEnv,
                            Map.of("java.io.tmpdir", edgeTemp.toString(), "plenum.residency.node-region", "us-vin"));
                    Browser publisher = Browser.launchWithFakeMedia();
                    Browser attendee = Browser.launchThrough(net.wrapper(attendeeNet, "/usr/bin/chromium"))) {
                assertEquals(200, originNode.awaitReady(), originNode.output());
                assertEquals(200, edgeNode.awaitReady(), edgeNode.output());
                assertEquals(0, Netns.run(usVin, "curl", "-s", "-o", "/dev/null", "--max-time", "10", origin + "/q/health/ready"),
                        "the edge reaches the origin");
                assertTrue(Netns.run(usVin, "curl", "-s", "-o", "/dev/null", "--max-time", "5", "http://127.0.0.1:" + database.port()) != 0,
                        "the edge reaches the database");

                OpenWebinars.Seeded webinar;
                String key = "sk_" + SecretTokens.next();
                UUID room;
                try (Connection connection = database.connect()) {
                    webinar = OpenWebinars.seed(connection, "edgeit", "Watched through an edge");
                    room = seedRoom(connection, webinar, key);
                }
                WhipPublishers publishers = new WhipPublishers(publisher, originNode.url("/"));
                Map<String, Object> published = publishers.publish(originNode.url("/api/rooms/" + room + "/whip"), key, 320, 240);
                assertEquals(201, published.get("status"), published + "\n" + originNode.output());

                // The US attendee: the open watch page on the origin, its HLS on the edge.
                Page page = attendee.newPage("en");
                page.onConsoleMessage(message -> System.out.println("attendee console: " + message.text()));
                page.onResponse(response -> {
                    if (response.status() >= 300 || response.url().contains("/live/") || response.url().contains("/pass")) {
                        System.out.println("attendee " + response.status() + " " + response.url().replaceAll("sig=[^&]+", "sig=…"));
                    }
                });
                page.onRequestFailed(request -> System.out.println("attendee failed " + request.url() + " " + request.failure()));
                page.navigate(origin + "/watch/" + webinar.webinar());
                page.getByTestId("enter").click();
                page.waitForURL(url -> url.contains("/attend/"));
                page.navigate(origin + "/attend/" + webinar.webinar() + "?transport=hls");
                assertThat(page.getByTestId("player-state")).hasAttribute("data-transport", "hls", SLOW);
                // The picture's pixels are the edge's (another origin): the page may not read them, so its clock is what counts.
                page.waitForFunction("() => { const v = document.querySelector('#player'); return v.readyState >= 2 && v.currentTime > 3; }",
                        null, new Page.WaitForFunctionOptions().setTimeout(90_000).setPollingInterval(250));
                double before = ((Number) page.evaluate("document.querySelector('#player').currentTime")).doubleValue();
                page.waitForFunction("t => document.querySelector('#player').currentTime > t + 1", before,
                        new Page.WaitForFunctionOptions().setTimeout(60_000).setPollingInterval(250));
                System.out.println("attendee through the edge: currentTime grew past " + before);
                String metrics = get(edge + "/q/metrics", Map.of()).body();
                double fromOrigin = counter(metrics, "plenum_edge_cache_origin_requests_total");
                assertTrue(fromOrigin >= 2, "the edge fetched the playlist and segments:\n" + metrics);

                // A registration-only room's URL (scope "live"): the edge refuses it; the origin refuses it to an edge only.
                PlaybackSignatures signer = new PlaybackSignatures(PackagedJar.playbackKeys(), Clock.systemUTC(), Duration.ofMinutes(1));
                String closed = "/live/" + room + "/index.m3u8?" + signer.sign(PlaybackSignatures.LIVE, room);
                HttpResponse<String> atEdge = get(edge + closed, Map.of());
                assertEquals(403, atEdge.statusCode(), atEdge.body());
                assertTrue(atEdge.body().contains("not-open-webinar"), atEdge.body());
                assertEquals(fromOrigin, counter(get(edge + "/q/metrics", Map.of()).body(), "plenum_edge_cache_origin_requests_total"),
                        "the edge asked the origin for a closed room");
                assertEquals(403, get(origin + closed, Map.of("Plenum-Edge", "us-vin")).statusCode(), "the origin serves an edge a closed room");
                assertEquals(200, get(origin + closed, Map.of()).statusCode(), "the closed room's URL is valid at the origin itself");

                // Registration and sign-in sent to the edge: redirected or refused, and nothing of them kept.
                String marker = "Qx" + SecretTokens.next().replaceAll("[^A-Za-z0-9]", "").substring(0, 12);
                String name = "Zephyrine " + marker;
                String email = marker.toLowerCase(java.util.Locale.ROOT) + "@edge-probe.example";
                String json = "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"privacyAccepted\":true}";
                HttpResponse<String> registered = send(HttpRequest.newBuilder(URI.create(edge + "/api/public/webinars/" + webinar.webinar()
                        + "/registrations")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
                assertEquals(404, registered.statusCode(), registered.body());
                HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(edge + "/w/" + webinar.webinar()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("name=" + name.replace(' ', '+') + "&email=" + email)));
                assertEquals(404, form.statusCode(), form.body());
                HttpResponse<String> signIn = send(HttpRequest.newBuilder(URI.create(edge + "/signin"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + email + "&password=" + marker)));
                assertEquals(404, signIn.statusCode(), signIn.body());
                HttpResponse<String> signInPage = get(edge + "/signin", Map.of());
                assertEquals(307, signInPage.statusCode());
                assertEquals(origin + "/signin", signInPage.headers().firstValue("Location").orElseThrow());
                for (HttpResponse<String> answer : List.of(registered, form, signIn, signInPage, atEdge)) {
                    assertTrue(answer.headers().firstValue("Set-Cookie").isEmpty(), "the edge set a cookie: " + answer.headers());
                }
                // The attendee's browser following a registration link on the edge lands on the origin's form.
                Page registration = attendee.newPage("en");
                registration.navigate(edge + "/w/" + webinar.webinar());
                assertTrue(registration.url().startsWith(origin + "/w/"), registration.url());

                // A live-object dump (jcmd collects first): what the edge keeps. The first packet of a refused request, read
                // off the socket with its headers, is garbage from the moment the 404 is sent (an -all dump can still show it).
                Path dump = ProjectPaths.target("it-edge", "edge-" + UUID.randomUUID() + ".hprof");
                try {
                    heapDump(edgeNode.process().pid(), dump);
                    byte[] heap = Files.readAllBytes(dump);
                    assertTrue(contains(heap, ("127.0.0.1:" + originPort).getBytes(StandardCharsets.ISO_8859_1)),
                            "the dump is searchable: the edge's origin URL is in it");
                    for (String personal : List.of(marker, email)) {
                        assertFalse(contains(heap, personal.getBytes(StandardCharsets.ISO_8859_1)), personal + " is in the edge's heap");
                        assertFalse(contains(heap, personal.getBytes(StandardCharsets.UTF_16LE)), personal + " is in the edge's heap");
                        assertFalse(edgeNode.output().contains(personal), personal + " is in the edge's log");
                        try (var files = Files.walk(edgeTemp)) {
                            for (Path file : files.filter(Files::isRegularFile).toList()) {
                                assertFalse(contains(Files.readAllBytes(file), personal.getBytes(StandardCharsets.UTF_8)),
                                        personal + " is in the edge's file " + file);
                            }
                        }
                    }
                } finally {
                    Files.deleteIfExists(dump);
                }
                assertFalse(edgeNode.output().contains("127.0.0.1:" + edgePort + " -"), "an access log line");
                page.context().close();
                registration.context().close();
                publishers.page().context().close();
            }
        }
    }

    private static HttpResponse<String> get(String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double counter(String metrics, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+]+)$").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(2)) : 0;
    }

    private static void heapDump(long pid, Path file) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid),
                "GC.heap_dump", file.toString()).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(jcmd.waitFor(120, TimeUnit.SECONDS), "jcmd hung");
        assertTrue(Files.size(file) > 0, "no heap dump: " + output);
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** A ready room for the open webinar's session whose stream key is {@code key}. */
    private static UUID seedRoom(Connection connection, OpenWebinars.Seeded webinar, String key) throws Exception {
        UUID room = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO live_room (id, tenant_id, webinar_id, session_id, stream_key_hash, stream_key_hint, status, recording)
                VALUES (?, 'edgeit', ?, ?, ?, ?, 'READY', false)""")) {
            insert.setObject(1, room);
            insert.setObject(2, webinar.webinar());
            insert.setObject(3, webinar.session());
            insert.setString(4, SecretTokens.hash(key));
            insert.setString(5, "…" + key.substring(key.length() - 4));
            assertEquals(1, insert.executeUpdate());
        }
        return room;
    }
}
