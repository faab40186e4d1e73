package eu.plenum.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An HLS media playlist as a player reads it (RFC 8216), and what ffmpeg sees in its segments. */
public record HlsProbe(int version, long targetDuration, long mediaSequence, long discontinuitySequence, String playlistType,
        List<Entry> entries) {

    /** One segment: its URI as written, its EXTINF duration, and whether a discontinuity tag precedes it. */
    public record Entry(String uri, double seconds, boolean discontinuity) {
        /** The URI without its query: the segment's file name. */
        public String name() {
            int query = uri.indexOf('?');
            String path = query < 0 ? uri : uri.substring(0, query);
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    private static final Pattern TAG = Pattern.compile("#(EXT-X-[A-Z-]+|EXTINF):?(.*)");

    public static HlsProbe read(Path playlist) {
        try {
            return parse(Files.readString(playlist, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses strictly: a playlist without #EXTM3U, TARGETDURATION or with an EXTINF above it fails. */
    public static HlsProbe parse(String text) {
        String[] lines = text.split("\n");
        if (lines.length == 0 || !lines[0].strip().equals("#EXTM3U")) {
            throw new AssertionError("not an HLS playlist: " + text);
        }
        int version = 1;
        long target = -1;
        long sequence = 0;
        long discontinuities = 0;
        String type = null;
        List<Entry> entries = new ArrayList<>();
        double seconds = -1;
        boolean discontinuity = false;
        for (String raw : lines) {
            String line = raw.strip();
            Matcher tag = TAG.matcher(line);
            if (tag.matches()) {
                String value = tag.group(2);
                switch (tag.group(1)) {
                    case "EXT-X-VERSION" -> version = Integer.parseInt(value);
                    case "EXT-X-TARGETDURATION" -> target = Long.parseLong(value);
                    case "EXT-X-MEDIA-SEQUENCE" -> sequence = Long.parseLong(value);
                    case "EXT-X-DISCONTINUITY-SEQUENCE" -> discontinuities = Long.parseLong(value);
                    case "EXT-X-PLAYLIST-TYPE" -> type = value;
                    case "EXT-X-DISCONTINUITY" -> discontinuity = true;
                    case "EXTINF" -> seconds = Double.parseDouble(value.substring(0, value.indexOf(',')));
                    default -> { }
                }
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                if (seconds < 0) {
                    throw new AssertionError("a segment without EXTINF: " + line);
                }
                entries.add(new Entry(line, seconds, discontinuity));
                seconds = -1;
                discontinuity = false;
            }
        }
        if (target < 1) {
            throw new AssertionError("no EXT-X-TARGETDURATION: " + text);
        }
        for (Entry entry : entries) {
            if (Math.round(entry.seconds()) > target) {
                throw new AssertionError("segment " + entry.uri() + " (" + entry.seconds() + " s) is longer than the target duration "
                        + target + " s");
            }
        }
        return new HlsProbe(version, target, sequence, discontinuities, type, entries);
    }

    /** The media sequence number of the playlist's last segment. */
    public long lastSequence() {
        return mediaSequence + entries.size() - 1;
    }

    /** Codecs of a segment as ffprobe reads them, e.g. {@code [video/h264, audio/aac]}. */
    public static List<String> codecs(Path segment) {
        return MediaProbe.of(segment).codecs();
    }

    /** The mean luma (0–255) of a segment's frames: 16 is black, the SMPTE bars of the test senders about 100+. */
    public static double meanLuma(Path segment) {
        try {
            Process process = new ProcessBuilder("ffmpeg", "-nostdin", "-v", "info", "-i", segment.toString(), "-vf",
                    "signalstats,metadata=print:key=lavfi.signalstats.YAVG", "-an", "-f", "null", "-").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("ffmpeg did not finish");
            }
            Matcher values = Pattern.compile("lavfi.signalstats.YAVG=([0-9.]+)").matcher(output);
            double sum = 0;
            int count = 0;
            while (values.find()) {
                sum += Double.parseDouble(values.group(1));
                count++;
            }
            if (count == 0) {
                throw new AssertionError("ffmpeg decoded no frame of " + segment + ": " + output);
            }
            return sum / count;
        } catch (IOException e) {
            throw new UncheckedIOException("ffmpeg is missing: run .ci/install", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
