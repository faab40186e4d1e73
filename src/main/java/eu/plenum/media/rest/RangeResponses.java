package eu.plenum.media.rest;

import eu.plenum.media.MediaException;
import eu.plenum.media.rooms.RecordingLocation;
import eu.plenum.media.storage.RecordingStores;
import eu.plenum.media.storage.StoredRecording;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.resteasy.reactive.PathPart;

/**
 * A recording as a whole (200) or as one byte range (206, RFC 9110 section 14), for players that seek,
 * from whichever store holds it (a folder on this node, or a site's object store).
 */
public final class RangeResponses {

    private static final Pattern SINGLE_RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private RangeResponses() {
    }

    /** A recording of the host's tenant: its file with the container's media type, optionally as a download. */
    public static Response ofRecording(eu.plenum.media.rooms.RoomDesk desk, RecordingStores stores, java.util.UUID recordingId,
            String range, boolean download) {
        var recording = desk.recording(recordingId);
        if ("EMPTY".equals(recording.status())) {
            throw new MediaException(404, "recording-empty", "Nothing was received while this recording ran; it has no file.");
        }
        return of(find(stores, desk.recordingFile(recordingId)), "webm".equals(recording.container()) ? "video/webm" : "video/x-matroska",
                range, download ? "recording-" + recordingId + "." + recording.container() : null);
    }

    /** The recording where it can be read now: on this node, in its site's store, else a backup site's; 404 when nowhere. */
    static StoredRecording find(RecordingStores stores, RecordingLocation location) {
        return stores.find(location.key(), location.localFile(), location.verifiedPlaces())
                .orElseThrow(() -> new MediaException(404, "recording-file-missing", "The recording's file is not in storage."));
    }

    /**
     * The whole object (200) or one range (206). A file on this node goes out with zero copy; an object
     * in an object store is streamed from a ranged GET of just the bytes asked for.
     */
    static Response of(StoredRecording stored, String type, String range, String downloadName) {
        long size = stored.size();
        long first = 0;
        long length = size;
        Response.ResponseBuilder response;
        if (range == null || range.isBlank()) {
            response = Response.ok();
        } else {
            long[] span = span(range.trim(), size);
            first = span[0];
            length = span[1] - span[0] + 1;
            response = Response.status(206).header("Content-Range", "bytes " + span[0] + "-" + span[1] + "/" + size);
        }
        Optional<Path> file = stored.store().localFile(stored.key());
        if (file.isPresent()) {
            response.entity(new PathPart(file.get(), first, length));
        } else {
            long from = first;
            long bytes = length;
            response.entity((StreamingOutput) out -> {
                try (InputStream in = stored.store().open(stored.key(), from, bytes)) {
                    in.transferTo(out);
                }
            }).header("Content-Length", length);
        }
        response.type(type).header("Accept-Ranges", "bytes");
        if (downloadName != null) {
            response.header("Content-Disposition", "attachment; filename=\"" + downloadName + "\"");
        }
        return response.build();
    }

    /** First and last byte (inclusive) of a single range; 416 when it cannot be served. */
    static long[] span(String range, long size) {
        Matcher matcher = SINGLE_RANGE.matcher(range);
        if (!matcher.matches() || matcher.group(1).isEmpty() && matcher.group(2).isEmpty()) {
            throw unsatisfiable(size);
        }
        long first;
        long last;
        if (matcher.group(1).isEmpty()) {
            long suffix = position(matcher.group(2));
            first = Math.max(0, size - suffix);
            last = size - 1;
        } else {
            first = position(matcher.group(1));
            last = matcher.group(2).isEmpty() ? size - 1 : Math.min(size - 1, position(matcher.group(2)));
        }
        if (first >= size || last < first) {
            throw unsatisfiable(size);
        }
        return new long[] {first, last};
    }

    /**
     * A byte position as sent; a number too long for a long is past the end of any file (RFC 9110
     * section 14.1.1 allows any number of digits), so it stands for "beyond", not for a failure.
     */
    private static long position(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /** A 416 says the file's size in {@code Content-Range: bytes *}{@code /size} (RFC 9110, section 15.5.17), so a player can ask again. */
    private static MediaException unsatisfiable(long size) {
        return new MediaException(416, "range-not-satisfiable", "The file has " + size + " bytes; ask for one range inside them.") {
            @Override
            public java.util.Map<String, String> headers() {
                return java.util.Map.of("Content-Range", "bytes */" + size);
            }
        };
    }
}
