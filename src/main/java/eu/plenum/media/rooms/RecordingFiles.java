package eu.plenum.media.rooms;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Size, SHA-256 and duration of a recording file as it is on disk. */
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

    public static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
