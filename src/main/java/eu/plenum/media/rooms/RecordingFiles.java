package eu.plenum.media.rooms;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;

/**
 * Size, SHA-256 and duration of a recording file as it is on disk. Reading a file can take seconds
 * (a recording may be gigabytes): callers describe files before they open a transaction, never
 * inside one, and hand the facts in (see {@link #described}).
 */
public final class RecordingFiles {

    private RecordingFiles() {
    }

    public static RecordingFacts describe(Path file) {
        if (!Files.isRegularFile(file)) {
            return new RecordingFacts(0, null, null);
        }
        try {
            long size = Files.size(file);
            Long duration = MatroskaDuration.of(file).stream().boxed().findFirst().orElse(null);
            return new RecordingFacts(size, duration, sha256(file));
        } catch (IOException e) {
            return new RecordingFacts(0, null, null);
        }
    }

    /** Describes every file; runs outside any transaction and any room lock but the caller's own. */
    public static Map<String, RecordingFacts> describeAll(Collection<String> paths) {
        Map<String, RecordingFacts> facts = new HashMap<>();
        paths.forEach(path -> facts.put(path, describe(Path.of(path))));
        return facts;
    }

    /**
     * Facts described beforehand; a file not among them (it appeared meanwhile) gets its size only,
     * which is cheap, so that a transaction never reads a whole file.
     */
    public static Function<Path, RecordingFacts> described(Map<String, RecordingFacts> facts) {
        return path -> {
            RecordingFacts known = facts.get(path.toString());
            return known != null ? known : sizeOnly(path);
        };
    }

    private static RecordingFacts sizeOnly(Path file) {
        try {
            return new RecordingFacts(Files.isRegularFile(file) ? Files.size(file) : 0, null, null);
        } catch (IOException e) {
            return new RecordingFacts(0, null, null);
        }
    }

    public static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
