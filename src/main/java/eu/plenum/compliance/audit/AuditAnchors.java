package eu.plenum.compliance.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The anchor file of a chain in this site's storage ({@code plenum.compliance.anchor-dir}): one line
 * per anchored head, appended and forced to disk, never rewritten. It lives outside the database, so
 * neither a role of the database nor a restored backup can take an anchored entry back silently.
 */
@ApplicationScoped
public class AuditAnchors {

    private final Path directory;

    AuditAnchors(@ConfigProperty(name = "plenum.compliance.anchor-dir", defaultValue = ".plenum/audit-anchors") Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    /** Appends the anchor unless it is not newer than the file's last one (another node was first). */
    public synchronized boolean append(String chainId, AuditAnchor anchor) {
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(file(chainId), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND); FileLock lock = channel.lock()) {
                Optional<AuditAnchor> last = latest(chainId);
                if (last.isPresent() && last.get().seq() >= anchor.seq()) {
                    return false;
                }
                channel.write(ByteBuffer.wrap(anchor.line().getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
                return true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the audit anchor in " + directory, e);
        }
    }

    /** The newest anchor of the chain, read from the end of its file. */
    public Optional<AuditAnchor> latest(String chainId) {
        Path file = file(chainId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long end = raf.length();
            int window = (int) Math.min(end, 4096);
            byte[] tail = new byte[window];
            raf.seek(end - window);
            raf.readFully(tail);
            String[] lines = new String(tail, StandardCharsets.US_ASCII).trim().split("\n");
            String last = lines[lines.length - 1];
            return last.isBlank() ? Optional.empty() : Optional.of(AuditAnchor.parse(last));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the audit anchors in " + directory, e);
        }
    }

    Path file(String chainId) {
        return directory.resolve("audit-chain-" + chainId.replaceAll("[^0-9a-f-]", "") + ".anchors");
    }
}
