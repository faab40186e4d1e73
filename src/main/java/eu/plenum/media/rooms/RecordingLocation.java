package eu.plenum.media.rooms;

import eu.plenum.media.storage.RecordingKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a recording may be read, as the catalogue knows it (read in a transaction, used after it):
 * its object key, the file its node wrote (on this node only if it recorded it), and the places that
 * hold a verified copy — the home site's store first, then the backups.
 */
public record RecordingLocation(String key, Path localFile, List<String> verifiedPlaces) {

    static RecordingLocation of(Recording recording, List<RecordingCopy> copies) {
        Path file = Path.of(recording.filePath());
        List<String> places = new ArrayList<>();
        copies.stream().filter(copy -> !copy.backup() && copy.status() == RecordingCopy.Status.VERIFIED)
                .forEach(copy -> places.add(copy.place()));
        copies.stream().filter(copy -> copy.backup() && copy.status() == RecordingCopy.Status.VERIFIED)
                .forEach(copy -> places.add(copy.place()));
        return new RecordingLocation(RecordingKeys.of(recording.tenantId(), recording.roomId().toString(), file), file, List.copyOf(places));
    }
}
