package eu.plenum.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What ffprobe (Debian's ffmpeg package) reads in a recording file: codecs, duration, packet gaps. */
public final class MediaProbe {

    private final JsonNode probe;

    private MediaProbe(JsonNode probe) {
        this.probe = probe;
    }

    public static MediaProbe of(Path file) {
        return new MediaProbe(json(run("ffprobe", "-v", "error", "-show_entries",
                "stream=codec_type,codec_name:format=duration,format_name", "-of", "json", file.toString())));
    }

    public List<String> codecs() {
        List<String> codecs = new ArrayList<>();
        probe.path("streams").forEach(stream -> codecs.add(stream.path("codec_type").asText() + "/" + stream.path("codec_name").asText()));
        return codecs;
    }

    /** Container duration in seconds, or NaN when the file does not say (an interrupted file). */
    public double durationSeconds() {
        String duration = probe.path("format").path("duration").asText("");
        return duration.isEmpty() || duration.equals("N/A") ? Double.NaN : Double.parseDouble(duration);
    }

    /** Seconds from the first to the last video packet, the largest gap between two of them, and where it began (s from the first). */
    public static double[] videoSpanAndLargestGap(Path file) {
        return videoSpanAndLargestGap(file, 0);
    }

    /** As {@link #videoSpanAndLargestGap(Path)}, counting only gaps that begin {@code fromSeconds} or later after the first packet. */
    public static double[] videoSpanAndLargestGap(Path file, double fromSeconds) {
        JsonNode packets = json(run("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time",
                "-of", "json", file.toString())).path("packets");
        double first = Double.NaN;
        double previous = Double.NaN;
        double gap = 0;
        double gapAt = 0;
        for (JsonNode packet : packets) {
            double at = packet.path("pts_time").asDouble(Double.NaN);
            if (Double.isNaN(at)) {
                continue;
            }
            if (Double.isNaN(first)) {
                first = at;
            } else if (at - previous > gap && previous - first >= fromSeconds) {
                gap = at - previous;
                gapAt = previous - first;
            }
            previous = at;
        }
        return new double[] {previous - first, gap, gapAt};
    }

    /** Decodes every frame with ffprobe; returns the decoded frames per stream type (errors fail the call). */
    public static java.util.Map<String, Long> decodedFrames(Path file) {
        JsonNode streams = json(run("ffprobe", "-v", "error", "-count_frames", "-show_entries",
                "stream=codec_type,nb_read_frames", "-of", "json", file.toString())).path("streams");
        java.util.Map<String, Long> frames = new java.util.TreeMap<>();
        streams.forEach(stream -> frames.put(stream.path("codec_type").asText(), stream.path("nb_read_frames").asLong()));
        return frames;
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("ffprobe printed no JSON: " + text, e);
        }
    }

    private static String run(String... command) {
        try {
            Path errors = java.nio.file.Files.createTempFile("probe", ".err");
            Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command[0] + " did not finish");
            }
            String problems = java.nio.file.Files.readString(errors).strip();
            java.nio.file.Files.delete(errors);
            if (!problems.isEmpty() && !problems.contains("non monotonically increasing dts")) {
                throw new IllegalStateException(command[0] + " reported: " + problems);
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(command[0] + " is missing: run .ci/install", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
