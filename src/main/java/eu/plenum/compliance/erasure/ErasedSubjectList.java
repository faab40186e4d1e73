package eu.plenum.compliance.erasure;

import eu.plenum.residency.DeclaredPlace;
import eu.plenum.residency.DeclaredPlaces;
import eu.plenum.residency.PlaceKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The people ever erased, kept outside the database so that restoring a database backup cannot roll
 * it back: an append-only file of lines {@code v1 <tenant> <subject key> <erasure id> <instant>} in each
 * site's file storage — by default a {@value #FOLDER} folder in every declared recording storage place
 * (the home site's and each backup site's) that is a folder, or the folders {@code plenum.compliance.erased-subjects-dir}
 * names (needed where recordings are in object stores). People appear only as {@code shared.SubjectKeys} hashes; every line is forced to disk before
 * the erasure goes on, and start-up re-applies each listed erasure that the database does not know.
 */
@ApplicationScoped
public class ErasedSubjectList {

    static final String FOLDER = ".erased-subjects";
    static final String FILE = "erased-subjects.log";
    private static final Pattern LINE = Pattern.compile("v1 ([a-z0-9][a-z0-9-]{1,62}) ([0-9a-f]{64}) ([0-9a-f-]{36}) (\\S+)");

    /** One erased person of one tenant. */
    public record Entry(String tenantId, String subjectKey, UUID erasureId, Instant erasedAt) {

        String line() {
            return "v1 " + tenantId + " " + subjectKey + " " + erasureId + " " + erasedAt + "\n";
        }
    }

    private final List<Path> files;

    ErasedSubjectList(DeclaredPlaces places,
            @ConfigProperty(name = "plenum.compliance.erased-subjects-dir") Optional<List<String>> configured) {
        List<Path> folders = configured.filter(list -> !list.isEmpty())
                .map(list -> list.stream().map(String::strip).filter(text -> !text.isEmpty()).map(Path::of).toList())
                .orElseGet(() -> places.ofKind(PlaceKind.RECORDING_STORAGE).stream().map(DeclaredPlace::target)
                        .flatMap(Optional::stream).filter(target -> !target.startsWith("s3://")) // an object store is no folder
                        .map(target -> Path.of(target).resolve(FOLDER)).toList());
        this.files = folders.stream().map(folder -> folder.resolve(FILE)).distinct().toList();
    }

    /** Where the list is kept (one file per storage). */
    public List<Path> files() {
        return files;
    }

    /**
     * Appends the entry to every copy of the list and forces it to disk; throws when any copy cannot
     * be written, so that the erasure is retried rather than left out of a list.
     */
    public void append(Entry entry) {
        if (files.isEmpty()) {
            throw new IllegalStateException("No folder for the list of erased people: declare recording storage or set "
                    + "plenum.compliance.erased-subjects-dir");
        }
        byte[] line = entry.line().getBytes(StandardCharsets.US_ASCII);
        for (Path file : files) {
            try {
                Files.createDirectories(file.getParent());
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND)) {
                    ByteBuffer buffer = ByteBuffer.wrap(line);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot append to the list of erased people at " + file, e);
            }
        }
    }

    /**
     * Every person listed in any copy, the first entry per tenant and key; a torn or foreign line (a
     * crash mid-append) is skipped.
     */
    public List<Entry> read() {
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                    var match = LINE.matcher(line.strip());
                    if (match.matches()) {
                        try {
                            Entry entry = new Entry(match.group(1), match.group(2), UUID.fromString(match.group(3)),
                                    Instant.parse(match.group(4)));
                            entries.putIfAbsent(entry.tenantId() + " " + entry.subjectKey(), entry);
                        } catch (RuntimeException malformed) {
                            // skipped, as a torn line
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the list of erased people at " + file, e);
            }
        }
        return new ArrayList<>(entries.values());
    }
}
