package eu.plenum.media.supervisor;

import eu.plenum.residency.DeclaredPlace;
import eu.plenum.media.storage.RecordingStores;
import eu.plenum.residency.DeclaredPlaces;
import eu.plenum.residency.PlaceKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Where the app may switch users (root, or CAP_SETUID, CAP_SETGID and CAP_SYS_ADMIN), each worker runs
 * under a user id of its own ({@code plenum.media.worker-uids}), with no capabilities and no way to
 * gain any, in a mount namespace in which the app's working folder (its configuration, secrets and
 * data) is an empty tmpfs with only the recording and HLS folders mounted back at their paths. Its
 * class path is staged once per app start (see {@link WorkerClassPath}) and GStreamer reads a
 * plugin registry built once by the app, so a worker starts as fast as before. Elsewhere workers run
 * as the app's user, and the node says so once.
 */
@ApplicationScoped
class WorkerIsolation {

    private static final Logger LOG = Logger.getLogger(WorkerIsolation.class);
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final Path UNSHARE = Path.of("/usr/bin/unshare");
    private static final int CAP_SETGID = 6;
    private static final int CAP_SETUID = 7;
    private static final int CAP_SYS_ADMIN = 21;

    /** What every isolated worker shares: the staged class path, the registry, the folders to hide and to mount back. */
    record Staged(Path folder, List<Path> classPath, Optional<Path> registry, List<Path> hidden, List<Path> writable,
            WorkerUids uids) {
    }

    /** How to start one worker: the command around the java command, its environment, its identity. */
    record Plan(List<String> prefix, Optional<List<Path>> classPath, Map<String, String> environment, WorkerIdentity identity) {
    }

    private final MediaConfig config;
    private final HlsConfig hls;
    private final DeclaredPlaces places;
    private final RecordingStores stores;
    private boolean decided;
    private Staged staged;
    private String asAppUser;

    WorkerIsolation(MediaConfig config, HlsConfig hls, DeclaredPlaces places, RecordingStores stores) {
        this.stores = stores;
        this.config = config;
        this.hls = hls;
        this.places = places;
    }

    /** Plans the next worker; {@code java} writes the java command for a class path (to build the registry once). */
    synchronized Plan next(Function<List<Path>, List<String>> java) {
        if (!decided) {
            decided = true;
            decide(java);
        }
        if (staged == null) {
            return new Plan(List.of(), Optional.empty(), Map.of(), WorkerIdentity.APP_USER);
        }
        int uid = staged.uids().take().orElseThrow(() -> new IllegalStateException(
                "every user id of plenum.media.worker-uids (" + staged.uids() + ") is in use by a worker"));
        try {
            Path home = Files.createDirectory(staged.folder().resolve("home").resolve(uid + "-" + UUID.randomUUID().toString().substring(0, 8)));
            Files.createDirectory(home.resolve("tmp"));
            for (Path own : List.of(home, home.resolve("tmp"))) {
                Files.setAttribute(own, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(own, "unix:gid", uid, LinkOption.NOFOLLOW_LINKS);
                Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwx------"));
            }
            WorkerIdentity identity = new WorkerIdentity(uid, home, staged.writable(), staged.uids()::give);
            Map<String, String> environment = new java.util.HashMap<>(Map.of("HOME", home.toString(), "TMPDIR",
                    home.resolve("tmp").toString(), "USER", "plenum-worker-" + uid, "LOGNAME", "plenum-worker-" + uid));
            staged.registry().ifPresent(registry -> environment.put("GST_REGISTRY", registry.toString()));
            List<String> prefix = List.of(UNSHARE.toString(), "--mount", "--propagation", "private", "--", "/bin/sh", "-c",
                    script(uid), "plenum-worker");
            return new Plan(prefix, Optional.of(staged.classPath()), environment, identity);
        } catch (IOException e) {
            staged.uids().give(uid);
            throw new UncheckedIOException("Cannot prepare a media worker's home", e);
        }
    }

    /** How workers run on this node, for health and the admin API. */
    synchronized String workerUser() {
        if (!decided) {
            return "not decided yet (no worker started)";
        }
        return staged != null ? "a user id of its own per worker (" + staged.uids() + ")" : "the app's user: " + asAppUser;
    }

    /** The app stops: the staged class path, registry and homes go. */
    synchronized void cleanUp() {
        if (staged != null) {
            WorkerIdentity.deleteTree(staged.folder());
        }
    }

    /** The shell that runs in the worker's new mount namespace, as root, then becomes the worker. */
    private String script(int uid) {
        StringBuilder script = new StringBuilder("set -e\numask 022\n");
        List<Path> binds = staged.writable().stream().filter(path -> staged.hidden().stream().anyMatch(path::startsWith)).toList();
        for (int i = 0; i < binds.size(); i++) {
            script.append("mount --bind ").append(quoted(binds.get(i))).append(' ').append(quoted(staged.folder().resolve("mnt").resolve(String.valueOf(i)))).append('\n');
        }
        for (Path hidden : staged.hidden()) {
            script.append("mount -t tmpfs -o mode=755,size=1m,nosuid,nodev plenum-hidden ").append(quoted(hidden)).append('\n');
        }
        for (int i = 0; i < binds.size(); i++) {
            script.append("mkdir -p ").append(quoted(binds.get(i))).append('\n');
            script.append("mount --move ").append(quoted(staged.folder().resolve("mnt").resolve(String.valueOf(i)))).append(' ')
                    .append(quoted(binds.get(i))).append('\n');
        }
        // Out of the app's folder (a working directory opened before the tmpfs would still reach it), and no PWD.
        script.append("cd /\nunset PWD OLDPWD\n");
        script.append("umask 077\nexec ").append(SETPRIV).append(" --reuid=").append(uid).append(" --regid=").append(uid)
                .append(" --clear-groups --no-new-privs --inh-caps=-all --bounding-set=-all -- \"$@\"\n");
        return script.toString();
    }

    private static String quoted(Path path) {
        return "'" + path.toString().replace("'", "'\\''") + "'";
    }

    private void decide(Function<List<Path>, List<String>> java) {
        try {
            Optional<String> refusal = refusal();
            if (refusal.isPresent()) {
                asAppUser = refusal.get();
                LOG.warnf("Media workers run as the app's own user: %s", asAppUser);
                return;
            }
            long began = System.nanoTime();
            staged = stage(java, WorkerUids.parse(config.workerUids()).orElseThrow());
            LOG.infof("Media workers run under user ids of their own (%s), without capabilities, in a mount namespace that "
                    + "hides %s; class path staged in %s (%d entries), GStreamer registry %s; prepared in %d ms", staged.uids(),
                    staged.hidden(), staged.folder(), staged.classPath().size(),
                    staged.registry().map(Path::toString).orElse("none (each worker scans)"), (System.nanoTime() - began) / 1_000_000);
        } catch (RuntimeException | IOException e) {
            asAppUser = "isolating them failed: " + e.getMessage();
            LOG.warnf("Media workers run as the app's own user: %s", asAppUser);
        }
    }

    private Optional<String> refusal() throws IOException {
        if (WorkerUids.parse(config.workerUids()).isEmpty()) {
            return Optional.of("plenum.media.worker-uids is off");
        }
        if (!Files.isExecutable(SETPRIV) || !Files.isExecutable(UNSHARE)) {
            return Optional.of("util-linux's setpriv and unshare are needed (" + SETPRIV + ", " + UNSHARE + ")");
        }
        BigInteger effective = capabilities();
        if (!effective.testBit(CAP_SETUID) || !effective.testBit(CAP_SETGID) || !effective.testBit(CAP_SYS_ADMIN)) {
            return Optional.of("the app may not switch users (it needs root, or CAP_SETUID, CAP_SETGID and CAP_SYS_ADMIN)");
        }
        Path java = Path.of(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (!openToAll(java.toRealPath())) {
            return Optional.of("the JDK at " + java + " is not readable by other users");
        }
        return Optional.empty();
    }

    private static BigInteger capabilities() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("CapEff:"))
                .map(line -> new BigInteger(line.substring("CapEff:".length()).trim(), 16)).findFirst().orElse(BigInteger.ZERO);
    }

    private Staged stage(Function<List<Path>, List<String>> java, WorkerUids uids) throws IOException {
        Path folder = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "plenum-workers-");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (!openToAll(folder)) {
            throw new IllegalStateException("the staging folder " + folder + " is not reachable by other users");
        }
        Path classes = Files.createDirectory(folder.resolve("classpath"));
        Files.setPosixFilePermissions(classes, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<Path> classPath = WorkerClassPath.stage(WorkerClassPath.entries(System.getProperty("java.class.path", "")), classes);
        Files.setPosixFilePermissions(Files.createDirectory(folder.resolve("home")), PosixFilePermissions.fromString("rwx--x--x"));
        List<Path> writable = writableFolders();
        List<Path> hidden = hiddenFolders(writable);
        for (Path root : hidden) {
            if (root.getParent() == null || folder.startsWith(root) || Path.of(System.getProperty("java.home")).startsWith(root)) {
                throw new IllegalStateException("the folder to hide from workers, " + root + ", holds the JDK or the staging folder");
            }
        }
        Path mounts = Files.createDirectory(folder.resolve("mnt"));
        for (int i = 0; i < writable.size(); i++) {
            Files.createDirectory(mounts.resolve(String.valueOf(i)));
        }
        return new Staged(folder, classPath, registry(java, folder, classPath), hidden, writable, uids);
    }

    /** The folders workers write into: every primary recording storage of the node, and the live HLS folder. */
    private List<Path> writableFolders() throws IOException {
        Set<Path> writable = new LinkedHashSet<>();
        for (DeclaredPlace place : places.ofKind(PlaceKind.RECORDING_STORAGE)) {
            if (place.backupFor().isEmpty() && place.target().isPresent()) {
                writable.add(stores.writeFolder(place)); // an object store's spool on this node
            }
        }
        writable.add(Path.of(hls.directory()).toAbsolutePath().normalize());
        for (Path folder : writable) {
            Files.createDirectories(folder);
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(folder);
            mode.add(PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(folder, mode);
        }
        return List.copyOf(writable);
    }

    /**
     * The app's working folder (or the highest folder above it that others may not pass), and every
     * such closed folder above a writable one: these are hidden from workers, the writable folders
     * under them mounted back.
     */
    private static List<Path> hiddenFolders(List<Path> writable) {
        Path home = Path.of("").toAbsolutePath().normalize();
        List<Path> hidden = new ArrayList<>();
        hidden.add(closedAncestor(home).orElse(home));
        writable.forEach(folder -> closedAncestor(folder).ifPresent(hidden::add));
        return hidden.stream().distinct().filter(path -> hidden.stream().noneMatch(other -> !other.equals(path) && path.startsWith(other)))
                .toList();
    }

    private static Optional<Path> closedAncestor(Path path) {
        Path step = path.getRoot();
        for (Path name : path) {
            step = step.resolve(name);
            if (step.equals(path)) {
                break;
            }
            try {
                if (!Files.getPosixFilePermissions(step).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return Optional.of(step);
                }
            } catch (IOException e) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    private static boolean openToAll(Path path) {
        try {
            for (Path step = path.getParent(); step != null; step = step.getParent()) {
                if (!Files.getPosixFilePermissions(step).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            }
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
            return mode.contains(PosixFilePermission.OTHERS_READ) || mode.contains(PosixFilePermission.OTHERS_EXECUTE);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * GStreamer's plugin registry, built once by a worker JVM that runs as the app's user, only to
     * initialise GStreamer (it parses no media), then readable by all: a worker with a fresh home would
     * otherwise scan every plugin at each start, and a registry a worker could write could be poisoned.
     */
    private static Optional<Path> registry(Function<List<Path>, List<String>> java, Path folder, List<Path> classPath) {
        Path registry = folder.resolve("gstreamer-registry.bin");
        List<String> command = new ArrayList<>(java.apply(classPath));
        command.add(command.size() - 1, "-Dplenum.media.build-registry=true");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        WorkerEnvironment.restrict(builder.environment());
        builder.environment().put("GST_REGISTRY", registry.toString());
        try {
            Process process = builder.start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(registry)) {
                return Optional.empty();
            }
            Files.setPosixFilePermissions(registry, PosixFilePermissions.fromString("rw-r--r--"));
            return Optional.of(registry);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
