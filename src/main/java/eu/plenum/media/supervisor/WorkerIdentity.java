package eu.plenum.media.supervisor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Who one worker process is on this machine: a user id of its own with a private home, owning only
 * the folders it was given (its room's recordings, its HLS output, mode 700) — or, where the app may
 * not switch users, the app's own user. When the process ends, what it wrote goes back to the app's
 * user, so the id can serve another room without seeing this one's files.
 */
public final class WorkerIdentity {

    private static final Logger LOG = Logger.getLogger(WorkerIdentity.class);
    /** Giving and taking back folders is serialised: a room's successor worker may take a folder its predecessor is handing back. */
    private static final Object FOLDERS = new Object();
    static final WorkerIdentity APP_USER = new WorkerIdentity(-1, null, List.of(), uid -> { });

    private final int uid;
    private final Path home;
    private final List<Path> writableRoots;
    private final IntConsumer giveBack;
    private final List<Path> granted = new ArrayList<>();

    WorkerIdentity(int uid, Path home, List<Path> writableRoots, IntConsumer giveBack) {
        this.uid = uid;
        this.home = home;
        this.writableRoots = writableRoots;
        this.giveBack = giveBack;
    }

    /** The worker's user id; empty when it runs as the app's user. */
    public Optional<Integer> uid() {
        return uid < 0 ? Optional.empty() : Optional.of(uid);
    }

    Path home() {
        return home;
    }

    /**
     * Makes {@code directory} the worker's own (created if needed, mode 700, owned by its id); the
     * folders between it and its storage root only let the worker pass (execute, not list), so it
     * reaches its folder and no other room's.
     */
    public void grant(Path directory) {
        grant(directory, false);
    }

    /**
     * Like {@link #grant(Path)}, and what the folder holds becomes the worker's too: for a successor that
     * carries on its room's files (an HLS transcoder continuing the room's playlist).
     */
    public void grant(Path directory, boolean withContents) {
        if (uid < 0) {
            return;
        }
        synchronized (FOLDERS) {
            grantNow(directory, withContents);
        }
    }

    private synchronized void grantNow(Path directory, boolean withContents) {
        Path folder = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(folder);
            for (Path root : writableRoots) {
                if (folder.startsWith(root) && !folder.equals(root)) {
                    for (Path step = folder.getParent(); step != null && step.startsWith(root); step = step.getParent()) {
                        passable(step);
                    }
                }
            }
            if (withContents) {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        Files.setAttribute(file, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                        Files.setAttribute(file, "unix:gid", uid, LinkOption.NOFOLLOW_LINKS);
                    }
                }
            }
            Files.setAttribute(folder, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(folder, "unix:gid", uid, LinkOption.NOFOLLOW_LINKS);
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            granted.add(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot give the media worker its folder " + folder, e);
        }
    }

    private static void passable(Path folder) throws IOException {
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS);
        if (!mode.contains(PosixFilePermission.OTHERS_EXECUTE)) {
            mode.add(PosixFilePermission.OTHERS_EXECUTE);
            Files.setPosixFilePermissions(folder, mode);
        }
    }

    /**
     * The process ended: everything it still owns in its folders goes to the app's user (links are
     * not followed), its home is removed and its id is free again. A folder another worker of the
     * same room owns by now is left to that one.
     */
    void release() {
        if (uid < 0) {
            return;
        }
        synchronized (FOLDERS) {
            releaseNow();
        }
    }

    private synchronized void releaseNow() {
        for (Path folder : granted) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (((Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS)) == uid) {
                        Files.setAttribute(file, "unix:uid", 0, LinkOption.NOFOLLOW_LINKS);
                        Files.setAttribute(file, "unix:gid", 0, LinkOption.NOFOLLOW_LINKS);
                    }
                }
            } catch (NoSuchFileException gone) {
                // removed meanwhile (an HLS folder at the room's end)
            } catch (IOException | UncheckedIOException e) {
                LOG.warnf("Cannot take back the folder of a media worker (uid %d): %s", uid, e.getMessage());
            }
        }
        granted.clear();
        deleteTree(home);
        giveBack.accept(uid);
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }
}
