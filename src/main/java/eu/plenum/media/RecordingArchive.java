package eu.plenum.media;

import eu.plenum.residency.DeclaredPlace;
import eu.plenum.residency.PersonalDataTransfer;
import eu.plenum.residency.TransferGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Copies a tenant's recordings between declared recording storage places — in practice from the
 * home-region storage the worker writes to (chosen by {@code LiveRooms}) to the storage declared as
 * that region's backup — each copy allowed by the transfer guard first and verified by SHA-256.
 */
@ApplicationScoped
public class RecordingArchive {

    private static final String GROWING = ".growing";

    private final TransferGuard guard;

    RecordingArchive(TransferGuard guard) {
        this.guard = guard;
    }

    /** One stored, verified copy. */
    public record StoredCopy(String place, String regionCode, Path file, String sha256, long bytes) {
    }

    /**
     * Copies one finished recording into one declared storage place (e.g. the backup site), under
     * {@code tenantId/relativeFolder}, after the transfer guard allowed it; the copy is kept only
     * if its SHA-256 matches {@code expected}.
     */
    public StoredCopy copyInto(DeclaredPlace place, String tenantId, String relativeFolder, Path source, String expected) {
        guard.authorize(new PersonalDataTransfer("recording", place.backupFor().isPresent()
                ? "backup copy of a recording" : "recording into home-region storage", tenantId,
                place.name(), place.region().code(), null));
        return copy(place, tenantId + "/" + relativeFolder, source.getFileName().toString(), source, expected);
    }

    /**
     * Asks the transfer guard (and so logs, once) whether a recording that is still being written may
     * be mirrored to a backup place as it grows; throws when refused, before a byte is sent.
     */
    public void authorizeLiveCopy(DeclaredPlace place, String tenantId) {
        guard.authorize(new PersonalDataTransfer("recording", "live copy of a recording while it is written", tenantId,
                place.name(), place.region().code(), null));
    }

    /**
     * Appends what a growing recording gained since {@code copiedBytes} to its mirror at a place
     * authorised by {@link #authorizeLiveCopy} ({@code <file>.growing}); returns the bytes mirrored
     * now. Matroska clusters are only appended while a file is written, so the mirror is a playable
     * prefix; the finished file replaces it once it is copied whole and verified.
     */
    public long appendLiveCopy(DeclaredPlace place, String tenantId, String relativeFolder, Path source, long copiedBytes) {
        try {
            long size = Files.isRegularFile(source) ? Files.size(source) : 0;
            Path mirror = folder(place, tenantId + "/" + relativeFolder).resolve(source.getFileName() + GROWING);
            long from = Math.min(copiedBytes, Files.exists(mirror) ? Files.size(mirror) : 0);
            if (size <= from) {
                return from;
            }
            try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                    FileChannel out = FileChannel.open(mirror, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                out.position(from);
                long copied = from;
                while (copied < size) {
                    copied += in.transferTo(copied, size - copied, out);
                }
                out.force(false);
                return copied;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot mirror the recording to '" + place.name() + "'", e);
        }
    }

    private static Path folder(DeclaredPlace place, String folder) throws IOException {
        Path root = Path.of(place.target().orElseThrow(() ->
                new IllegalStateException("Recording storage '" + place.name() + "' has no target folder")));
        return Files.createDirectories(root.resolve(folder));
    }

    private static StoredCopy copy(DeclaredPlace place, String folder, String fileName, Path source, String expected) {
        try {
            Path dir = folder(place, folder);
            Path partial = dir.resolve(fileName + ".partial");
            Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
            String actual = sha256(partial);
            if (!actual.equals(expected)) {
                Files.delete(partial);
                throw new IllegalStateException("Copy to '" + place.name() + "' does not match the recording's SHA-256");
            }
            Path file = Files.move(partial, dir.resolve(fileName), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(dir.resolve(fileName + GROWING)); // the whole file replaces its live mirror
            return new StoredCopy(place.name(), place.region().code(), file, actual, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the recording in '" + place.name() + "'", e);
        }
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            MessageDigest digest = ((DigestInputStream) in).getMessageDigest();
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
