package eu.plenum.media.supervisor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The user ids workers run under ({@code plenum.media.worker-uids}, a range such as
 * {@code 64000-64999}): one per live worker process, never two at once; an id that names an account
 * or a group of this machine ({@code /etc/passwd}, {@code /etc/group}) is never handed out.
 */
final class WorkerUids {

    private final int first;
    private final int last;
    private final Set<Integer> taken = new HashSet<>();
    private final Set<Integer> inUse = new HashSet<>();
    private int next;

    private WorkerUids(int first, int last) {
        this.first = first;
        this.last = last;
        // Another app node on this machine takes ids from the same range: start somewhere else in it.
        this.next = first + java.util.concurrent.ThreadLocalRandom.current().nextInt(last - first + 1);
        taken.addAll(idsIn(Path.of("/etc/passwd")));
        taken.addAll(idsIn(Path.of("/etc/group")));
    }

    /** The range of {@code setting}; empty for {@code off}. */
    static Optional<WorkerUids> parse(String setting) {
        String value = setting.trim();
        if (value.equalsIgnoreCase("off") || value.isEmpty()) {
            return Optional.empty();
        }
        String[] bounds = value.split("-");
        int first = Integer.parseInt(bounds[0].trim());
        int last = bounds.length > 1 ? Integer.parseInt(bounds[1].trim()) : first;
        if (first < 1000 || last < first) {
            throw new IllegalArgumentException("plenum.media.worker-uids must be a range of ids of 1000 or more, such as 64000-64999: " + setting);
        }
        return Optional.of(new WorkerUids(first, last));
    }

    /** A free id (no account, no worker of ours, no process of this machine has it), or empty when none is. */
    synchronized Optional<Integer> take() {
        Set<Integer> running = runningIds();
        for (int tried = 0; tried <= last - first; tried++) {
            int candidate = next;
            next = next == last ? first : next + 1;
            if (!taken.contains(candidate) && !running.contains(candidate) && inUse.add(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    synchronized void give(int uid) {
        inUse.remove(uid);
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }

    /** The real user ids of the processes running now (another app node's workers among them). */
    private static Set<Integer> runningIds() {
        Set<Integer> ids = new HashSet<>();
        try (java.util.stream.Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(process -> {
                try {
                    for (String line : Files.readAllLines(process.resolve("status"))) {
                        if (line.startsWith("Uid:")) {
                            ids.add(Integer.parseInt(line.split("\\s+")[1]));
                            break;
                        }
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            });
        } catch (IOException ignored) {
            // no /proc: only our own bookkeeping
        }
        return ids;
    }

    private static Set<Integer> idsIn(Path file) {
        Set<Integer> ids = new HashSet<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] fields = line.split(":");
                if (fields.length > 2) {
                    try {
                        ids.add(Integer.parseInt(fields[2]));
                    } catch (NumberFormatException ignored) {
                        // not an entry
                    }
                }
            }
        } catch (IOException ignored) {
            // no such file: no ids to avoid
        }
        return ids;
    }
}
