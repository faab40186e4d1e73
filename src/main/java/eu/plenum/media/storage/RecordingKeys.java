package eu.plenum.media.storage;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Object keys of recordings: {@code <tenant>/<room>/<file>}, the same path the folder layout has always
 * had under a storage place, so that a folder store and an object store hold a recording under one name.
 */
public final class RecordingKeys {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    /** Suffix of a live mirror of a recording still being written. */
    static final String GROWING = ".growing";
    /** Suffix of a copy being written, before it is verified. */
    static final String PARTIAL = ".partial";

    private RecordingKeys() {
    }

    /** The key of a recording file written at {@code file} (its folder is named after the room, as the worker writes it). */
    public static String of(String tenantId, String roomId, Path file) {
        return check(tenantId + "/" + roomId + "/" + file.getFileName());
    }

    /** Refuses anything but three plain segments: no absolute path, no {@code ..}, nothing a folder store could escape with. */
    static String check(String key) {
        String[] segments = key.split("/", -1);
        if (segments.length != 3) {
            throw new IllegalArgumentException("a recording key has three segments: " + key);
        }
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches() || segment.contains("..")) {
                throw new IllegalArgumentException("not a recording key: " + key);
            }
        }
        return key;
    }
}
