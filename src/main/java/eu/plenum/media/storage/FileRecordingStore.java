package eu.plenum.media.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A storage place that is a folder on this node (local runs, {@code ./plenum run}, a mounted volume):
 * {@code <folder>/<key>}, a copy written as {@code .partial}, fsynced, re-read for its SHA-256 and
 * moved into place atomically; the live mirror is {@code <key>.growing}, appended to.
 */
public final class FileRecordingStore implements RecordingStore {

    private final Path root;

    public FileRecordingStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public String describe() {
        return root.toString();
    }

    private Path file(String key) {
        return root.resolve(RecordingKeys.check(key));
    }

    @Override
    public StoredObject put(String key, InputStream content, long length, String expectedSha256) {
        Path file = file(key);
        Path partial = file.resolveSibling(file.getFileName() + RecordingKeys.PARTIAL);
        try {
            Files.createDirectories(file.getParent());
            try (InputStream in = content; FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                in.transferTo(Channels.newOutputStream(out));
                out.force(true);
            }
            long[] bytes = new long[1];
            String actual = Sha256.of(Files.newInputStream(partial), bytes);
            if (!actual.equals(expectedSha256) || bytes[0] != length) {
                Files.delete(partial);
                throw new IllegalStateException("Copy into " + root + " does not match the recording's SHA-256 and size");
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(growing(file)); // the whole file replaces its live mirror
            return new StoredObject(key, actual, bytes[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the recording in " + root, e);
        }
    }

    @Override
    public Optional<Long> size(String key) {
        Path file = file(key);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.size(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public InputStream open(String key, long first, long length) {
        try {
            FileChannel channel = FileChannel.open(file(key), StandardOpenOption.READ);
            try {
                channel.position(first);
            } catch (IOException | RuntimeException e) {
                channel.close(); // the stream that would close it never exists
                throw e;
            }
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the recording from " + root, e);
        }
    }

    @Override
    public Optional<Path> localFile(String key) {
        Path file = file(key);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public Optional<StoredObject> delete(String key) {
        Path file = file(key);
        Optional<StoredObject> removed = Optional.empty();
        try {
            for (Path candidate : List.of(file, growing(file), file.resolveSibling(file.getFileName() + RecordingKeys.PARTIAL))) {
                if (!Files.isRegularFile(candidate)) {
                    continue;
                }
                long[] bytes = new long[1];
                String sha256 = Sha256.of(Files.newInputStream(candidate), bytes);
                Files.delete(candidate);
                if (removed.isEmpty() && !candidate.toString().endsWith(RecordingKeys.PARTIAL)) {
                    removed = Optional.of(new StoredObject(key, sha256, bytes[0])); // the object first, else its live mirror
                }
            }
            syncFolder(file.getParent());
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the recording in " + root, e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(path -> root.relativize(path).toString().replace('\\', '/'))
                    .filter(key -> key.startsWith(prefix) && !key.endsWith(RecordingKeys.GROWING) && !key.endsWith(RecordingKeys.PARTIAL))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root, e);
        }
    }

    @Override
    public long appendGrowing(String key, Path source, long from) {
        try {
            long size = Files.isRegularFile(source) ? Files.size(source) : 0;
            Path mirror = growing(file(key));
            Files.createDirectories(mirror.getParent());
            long start = Math.min(from, Files.exists(mirror) ? Files.size(mirror) : 0);
            if (size <= start) {
                return start;
            }
            try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                    FileChannel out = FileChannel.open(mirror, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                out.position(start);
                long copied = start;
                while (copied < size) {
                    copied += in.transferTo(copied, size - copied, out);
                }
                out.force(false);
                return copied;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot mirror the recording into " + root, e);
        }
    }

    @Override
    public Optional<InputStream> openGrowing(String key) {
        Path mirror = growing(file(key));
        try {
            return Files.isRegularFile(mirror) ? Optional.of(Files.newInputStream(mirror)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path growing(Path file) {
        return file.resolveSibling(file.getFileName() + RecordingKeys.GROWING);
    }

    /** Makes a removal durable before it is reported (the directory entry is what a crash could bring back). */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not every file system lets a directory be opened; the deletion itself stands.
        }
    }
}
