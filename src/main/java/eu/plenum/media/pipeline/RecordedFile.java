package eu.plenum.media.pipeline;

import java.nio.file.Path;

/** A recording file a segment wrote; {@code finalised} is false when the stop timed out. */
public record RecordedFile(String publisherId, int segment, Path file, String container, boolean finalised) {
}
