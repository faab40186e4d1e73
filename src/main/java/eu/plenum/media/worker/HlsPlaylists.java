package eu.plenum.media.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The playlists viewers get, written from the segment list hlssink2 keeps ({@code g<n>-sink.m3u8},
 * infinite, never served): {@value #LIVE} — a sliding window of the last segments — and
 * {@value #EVENT} — every segment of the session so far. hlssink2 keeps one playlist only, and
 * its numbering restarts with each transcoder; here a new transcoder of the same room (generation
 * n + 1, after a crash) continues the numbering of the one before, with a discontinuity, so a
 * player's media sequence only ever moves forward.
 */
public final class HlsPlaylists {

    public static final String LIVE = "index.m3u8";
    public static final String EVENT = "event.m3u8";
    /** Names of segments: generation and hlssink2's counter. The HTTP side accepts nothing else. */
    public static final Pattern SEGMENT = Pattern.compile("g([0-9]{1,6})-[0-9]{5,9}\\.ts");
    private static final Pattern EXTINF = Pattern.compile("#EXTINF:([0-9]+(?:\\.[0-9]+)?),.*");

    private final Path directory;
    private final int generation;
    private final int window;
    private final List<Segment> segments = new ArrayList<>();
    private int seenInSink;

    /** One segment: its file name, its duration, and whether a discontinuity precedes it. */
    record Segment(String name, double seconds, boolean discontinuity) {
    }

    /** Continues the room's event playlist in {@code directory}, if an earlier transcoder left one. */
    public HlsPlaylists(Path directory, int window) {
        this.directory = directory;
        this.window = window;
        List<Segment> earlier = read(directory.resolve(EVENT));
        segments.addAll(earlier);
        this.generation = earlier.stream().mapToInt(segment -> generationOf(segment.name())).max().orElse(0) + 1;
    }

    public int generation() {
        return generation;
    }

    /** Where hlssink2 puts this generation's segments (a {@code %05d} pattern) and its own list. */
    public String segmentPattern() {
        return directory.resolve("g" + generation + "-%05d.ts").toString();
    }

    public String sinkPlaylist() {
        return directory.resolve("g" + generation + "-sink.m3u8").toString();
    }

    /** How many segments the event playlist names. */
    public synchronized int segmentCount() {
        return segments.size();
    }

    /** Takes the segments hlssink2 added since the last call and rewrites both playlists; false when there were none. */
    public synchronized boolean refresh() {
        List<Segment> sink = read(Path.of(sinkPlaylist()));
        if (sink.size() <= seenInSink) {
            return false;
        }
        for (int i = seenInSink; i < sink.size(); i++) {
            Segment segment = sink.get(i);
            segments.add(new Segment(segment.name(), segment.seconds(), i == 0 && !segments.isEmpty()));
        }
        seenInSink = sink.size();
        write(EVENT, render(0, true));
        write(LIVE, render(Math.max(0, segments.size() - window), false));
        return true;
    }

    private String render(int first, boolean event) {
        long target = Math.max(1, segments.stream().mapToLong(segment -> Math.round(Math.ceil(segment.seconds() - 0.05))).max().orElse(1));
        long discontinuitiesBefore = segments.subList(0, first).stream().filter(Segment::discontinuity).count()
                + (first < segments.size() && segments.get(first).discontinuity() ? 1 : 0);
        StringBuilder out = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n");
        if (event) {
            out.append("#EXT-X-PLAYLIST-TYPE:EVENT\n");
        }
        out.append("#EXT-X-TARGETDURATION:").append(target).append('\n');
        out.append("#EXT-X-MEDIA-SEQUENCE:").append(first).append('\n');
        if (discontinuitiesBefore > 0 && !event) {
            out.append("#EXT-X-DISCONTINUITY-SEQUENCE:").append(discontinuitiesBefore).append('\n');
        }
        for (int i = first; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (segment.discontinuity() && i > first) {
                out.append("#EXT-X-DISCONTINUITY\n");
            }
            out.append(String.format(Locale.ROOT, "#EXTINF:%.3f,%n", segment.seconds())).append(segment.name()).append('\n');
        }
        return out.toString();
    }

    /** Written beside and renamed over the old one: a reader never sees half a playlist. */
    private void write(String name, String text) {
        Path target = directory.resolve(name);
        Path partial = directory.resolve("." + name + ".partial");
        try {
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** The segments a playlist names, with the discontinuities before them; nothing when it does not exist yet. */
    static List<Segment> read(Path playlist) {
        List<String> lines;
        try {
            lines = Files.readAllLines(playlist, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException notYet) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + playlist, e);
        }
        List<Segment> found = new ArrayList<>();
        double seconds = 0;
        boolean discontinuity = false;
        for (String line : lines) {
            Matcher extinf = EXTINF.matcher(line.strip());
            if (extinf.matches()) {
                seconds = Double.parseDouble(extinf.group(1));
            } else if (line.startsWith("#EXT-X-DISCONTINUITY") && !line.startsWith("#EXT-X-DISCONTINUITY-SEQUENCE")) {
                discontinuity = true;
            } else if (!line.isBlank() && !line.startsWith("#")) {
                String name = Path.of(line.strip()).getFileName().toString();
                if (SEGMENT.matcher(name).matches()) {
                    found.add(new Segment(name, seconds, discontinuity));
                }
                discontinuity = false;
            }
        }
        return found;
    }

    private static int generationOf(String name) {
        Matcher matcher = SEGMENT.matcher(name);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
    }
}
