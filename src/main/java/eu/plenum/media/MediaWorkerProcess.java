package eu.plenum.media;

import eu.plenum.media.worker.MediaWorker;

/**
 * Entry point of a process started with the {@code media-worker} role: no Quarkus, no database,
 * one room. The launcher calls it instead of booting the app.
 */
public final class MediaWorkerProcess {

    private MediaWorkerProcess() {
    }

    public static void run() {
        MediaWorker.run();
    }
}
