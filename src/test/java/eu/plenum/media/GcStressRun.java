package eu.plenum.media;

import eu.plenum.media.pipeline.RecordedFile;
import eu.plenum.media.pipeline.RoomPipeline;
import eu.plenum.media.pipeline.TrackKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The body of {@link NegotiationUnderGcStressTest}, run in a JVM of its own with a small heap: a
 * native fault kills that JVM only (and shows as a signal), and each forced collection is quick.
 * Every publisher also starts and stops a recording: no media flows here (nobody answers the ICE
 * checks), so each file must come back at once as empty and be removed — never wait for a muxer.
 * Prints "ANSWERED n EMPTY e COLLECTIONS m"; exits 1 on a wrong answer or a wrong recording end.
 */
public final class GcStressRun {

    private GcStressRun() {
    }

    public static void main(String[] args) throws Exception {
        int negotiations = Integer.parseInt(args[0]);
        String offer = Files.readString(Path.of(args[1]));
        Path folder = Files.createTempDirectory("gc-stress");
        RoomPipeline room = new RoomPipeline("gc-stress", folder, List.of("127.0.0.1"), false);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger collections = new AtomicInteger();
        Thread collector = new Thread(() -> {
            while (running.get()) {
                System.gc();
                collections.incrementAndGet();
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "gc-stress");
        collector.start();
        int answered = 0;
        int empty = 0;
        try {
            for (int i = 0; i < negotiations; i++) {
                String answer = room.publish("p" + i, offer, EnumSet.of(TrackKind.VIDEO, TrackKind.AUDIO), false);
                String problem = problem(answer);
                if (problem != null) {
                    System.out.println("WRONG ANSWER " + i + ": " + problem + "\n" + answer);
                    System.exit(1);
                }
                answered++;
                List<RecordedFile> started = room.startRecording();
                for (RecordedFile file : room.stopRecording()) {
                    if (!file.empty() || Files.exists(file.file()) || started.stream().noneMatch(s -> s.file().equals(file.file()))) {
                        System.out.println("WRONG RECORDING END " + i + ": " + file);
                        System.exit(1);
                    }
                    empty++;
                }
                room.unpublish("p" + i);
            }
        } finally {
            running.set(false);
            collector.join();
            room.close();
        }
        System.out.println("ANSWERED " + answered + " EMPTY " + empty + " COLLECTIONS " + collections.get());
        System.exit(0);
    }

    private static String problem(String answer) {
        if (!answer.startsWith("v=0")) {
            return "not an SDP answer";
        }
        if (!answer.contains("a=rtpmap:96 VP8/90000") || !answer.toLowerCase().contains("opus/48000")) {
            return "codecs missing";
        }
        if (!answer.contains("a=candidate:") || !answer.contains("127.0.0.1")) {
            return "no loopback candidate";
        }
        if (!answer.contains("a=recvonly") || !answer.contains("a=rtcp-fb:96 nack pli")) {
            return "not a receive-only answer that can request key frames";
        }
        return null;
    }
}
