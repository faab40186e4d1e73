package eu.plenum.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.Browser;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.WhipPublishers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Where the app runs as root (as the tests do), a live room's worker runs under a user id of its own:
 * it holds none of the app's secrets and, as that user inside its own mount namespace, can read
 * neither the app's configuration nor its environment nor another room's recordings — only its own.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class WorkerIsolationTest {

    private static final String APP = "http://localhost:8081";

    @Test
    void aLiveWorkerRunsAsItsOwnUserAndReachesOnlyItsOwnRoom() throws Exception {
        try (Browser browser = Browser.launchWithFakeMedia()) {
            WhipPublishers publishers = new WhipPublishers(browser, APP + "/");
            LiveRoomMediaTest.Room mine = LiveRoomMediaTest.openRoom("Isolated worker");
            LiveRoomMediaTest.Room other = LiveRoomMediaTest.openRoom("Other room");
            assertEquals(201, publishers.publish(mine.whipUrl(), mine.key(), 320, 240).get("status"));
            assertEquals(201, publishers.publish(other.whipUrl(), other.key(), 320, 240).get("status"));
            long pid = LiveRoomMediaTest.workerPid(mine.id());
            int uid = uid(pid);
            int otherUid = uid(LiveRoomMediaTest.workerPid(other.id()));
            assertNotEquals(0, uid, "the worker runs as another user than the app (root)");
            assertTrue(uid >= 64000 && uid <= 64999, "from plenum.media.worker-uids: " + uid);
            assertNotEquals(uid, otherUid, "each worker has its own id");

            String environ = new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "environ")), StandardCharsets.UTF_8);
            assertFalse(environ.contains(System.getenv("PLENUM_TEST_CANARY_SECRET")), "the worker's environment has the app's secret");

            assertEquals(Path.of("/"), Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "cwd")),
                    "its working directory is not the app's folder (relative paths would reach past the tmpfs)");
            Path myFolder = awaitFolder(mine.id());
            Path otherFolder = awaitFolder(other.id());
            assertEquals(uid, owner(myFolder), "the room's recording folder belongs to its worker");
            assertEquals(0, asWorker(pid, uid, "ls", myFolder.toString()), "the worker lists its own folder");
            assertNotEquals(0, asWorker(pid, uid, "ls", otherFolder.toString()), "another room's recordings are closed to it");
            Path configuration = Path.of("target/classes/application.properties").toAbsolutePath();
            assertTrue(Files.isRegularFile(configuration), "the app's configuration file is there: " + configuration);
            assertNotEquals(0, asWorker(pid, uid, "cat", configuration.toString()), "the app's configuration is closed to it");
            assertNotEquals(0, asWorker(pid, uid, "cat", "/proc/" + ProcessHandle.current().pid() + "/environ"),
                    "the app's environment is closed to it");
            assertFalse(stagedConfiguration(pid), "the worker's class path carries no application.properties");

            LiveRoomMediaTest.endRoom(mine.id());
            LiveRoomMediaTest.endRoom(other.id());
            ProcessHandle.of(pid).ifPresent(process -> process.onExit().orTimeout(60, TimeUnit.SECONDS).join());
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (owner(myFolder) != 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertEquals(0, owner(myFolder), "after the worker ended its folder is the app's again (its id may serve another room)");
            try (Stream<Path> files = Files.walk(myFolder)) {
                assertTrue(files.allMatch(file -> owner(file) == 0), "every file it wrote is the app's again");
            }
        }
    }

    private static int uid(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream().filter(line -> line.startsWith("Uid:"))
                .map(line -> Integer.parseInt(line.split("\\s+")[2])).findFirst().orElseThrow();
    }

    private static int owner(Path file) {
        try {
            return (Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The exit code of {@code command} run as {@code uid} in the worker's mount namespace (what the worker sees). */
    private static int asWorker(long pid, int uid, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of("nsenter", "--target", String.valueOf(pid), "--mount", "--", "setpriv",
                "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--"));
        line.addAll(Arrays.asList(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "nsenter ended");
        return process.exitValue();
    }

    private static boolean stagedConfiguration(long pid) throws IOException {
        List<String> arguments = Arrays.asList(new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")),
                StandardCharsets.UTF_8).split("\0"));
        String classPath = arguments.get(arguments.indexOf("-cp") + 1);
        assertFalse(classPath.contains("/target/classes"), "the worker runs from the staged class path: " + classPath);
        return Arrays.stream(classPath.split(":")).map(Path::of).filter(Files::isDirectory)
                .anyMatch(folder -> Files.exists(folder.resolve("application.properties")));
    }

    private static Path awaitFolder(String roomId) throws Exception {
        Path storage = Path.of("target/test-storage").toAbsolutePath();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try (Stream<Path> found = Files.find(storage, 4, (path, attributes) -> attributes.isDirectory()
                    && path.getFileName().toString().equals(roomId) && !path.toString().contains("backup"))) {
                java.util.Optional<Path> folder = found.findFirst();
                if (folder.isPresent()) {
                    return folder.get();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no recording folder for room " + roomId);
    }
}
