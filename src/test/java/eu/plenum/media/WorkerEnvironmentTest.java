package eu.plenum.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.PlenumTestServers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A media worker starts with an allow-listed environment: none of the app's secrets reach it. */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class WorkerEnvironmentTest {

    private static final String CANARY = "PLENUM_TEST_CANARY_SECRET";

    @Test
    void aWorkersEnvironmentHoldsNoneOfTheAppsSecrets() throws Exception {
        String secret = System.getenv(CANARY);
        assertTrue(secret != null && !secret.isBlank(), "the build gives the app a canary secret in its environment (pom.xml)");
        long pid = anyWorkerPid();
        String environ = new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "environ")), StandardCharsets.UTF_8);
        List<String> names = Arrays.stream(environ.split("\0")).filter(entry -> entry.contains("="))
                .map(entry -> entry.substring(0, entry.indexOf('='))).toList();
        assertFalse(environ.contains(secret), "the worker's environment has the app's secret");
        assertFalse(names.contains(CANARY), names.toString());
        assertTrue(names.contains("PLENUM_WORKER_SECRET"), "its own control secret is there: " + names);
        List<String> unexpected = names.stream().filter(name -> !name.equals("PLENUM_WORKER_SECRET") && !name.equals("PATH")
                && !name.startsWith("LC_") && !name.startsWith("GST_") && !List.of("LANG", "LANGUAGE", "TZ", "TMPDIR", "HOME",
                        "USER", "LOGNAME").contains(name)).toList();
        assertEquals(List.of(), unexpected, "only allow-listed variables reach a worker");
        assertTrue(System.getenv().keySet().stream().anyMatch(name -> !names.contains(name) && !name.equals(CANARY)),
                "the app's environment has more than the worker's (the filter is not a no-op)");
    }

    private static long anyWorkerPid() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            List<Map<String, Object>> workers = LiveRoomMediaTest.pool().getList("workers");
            if (!workers.isEmpty()) {
                return ((Number) workers.get(0).get("pid")).longValue();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no media worker started within 60 s");
    }
}
