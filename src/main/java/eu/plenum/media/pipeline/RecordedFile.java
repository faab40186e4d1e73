package eu.plenum.media.pipeline;

import java.nio.file.Path;

/**
 * A recording file a segment wrote. {@code finalised} is false when the stop timed out; {@code empty}
 * is true when no frame the file could start with arrived before it ended (the file is removed).
 */
public record RecordedFile(String publisherId, int segment, Path file, String container, boolean finalised, boolean empty) {

    RecordedFile ended(boolean finalised, boolean empty) {
        return new RecordedFile(publisherId, segment, file, container, finalised, empty);
    }
}
