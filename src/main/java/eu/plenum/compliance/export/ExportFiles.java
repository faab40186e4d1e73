package eu.plenum.compliance.export;

import eu.plenum.compliance.SubjectRequestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * Where finished export ZIPs rest: one directory (mode 700) of files only their owner can read
 * (mode 600, created so from the first byte). They hold personal data, so they are deleted when
 * their keeping time ends ({@link ExportSweep}).
 */
@ApplicationScoped
public class ExportFiles {

    private final Path dir;

    ExportFiles(SubjectRequestConfig config) {
        this.dir = Path.of(config.exports().dir()).toAbsolutePath();
    }

    /** A new, empty, owner-only file to write an export into. */
    Path newPartFile(UUID requestId) throws IOException {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Path part = dir.resolve(requestId + "-" + UUID.randomUUID() + ".zip.part");
        return Files.createFile(part, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }

    /** Moves a written part to its final name; returns that name (what the request row keeps). */
    String publish(Path part, UUID requestId) throws IOException {
        String name = requestId + ".zip";
        try {
            Files.move(part, dir.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.move(part, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return name;
    }

    /** The file of a published export; names come from the database only, never from a request. */
    public Path resolve(String name) {
        Path file = dir.resolve(name).normalize();
        if (!file.getParent().equals(dir)) {
            throw new IllegalArgumentException("not an export file name");
        }
        return file;
    }

    void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Path dir() {
        return dir;
    }
}
