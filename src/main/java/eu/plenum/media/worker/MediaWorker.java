package eu.plenum.media.worker;

import eu.plenum.media.pipeline.Gstreamer;
import eu.plenum.media.pipeline.RoomPipeline;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/**
 * A media worker process: initialises GStreamer (so that a pooled worker is warm), listens for
 * its supervisor on a random loopback port, and ends when told to or when its supervisor goes
 * away (its standard input closes), finalising the recordings it was writing either way.
 */
public final class MediaWorker {

    private MediaWorker() {
    }

    public static void run() {
        if (Boolean.getBoolean("plenum.media.build-registry")) {
            // Asked by the supervisor only to write GStreamer's plugin registry (GST_REGISTRY) for workers to read.
            Gstreamer.init();
            System.exit(0);
        }
        String secret = System.getenv(WorkerProtocol.SECRET_ENV);
        if (secret == null || secret.length() < 32) {
            System.err.println("A media worker is started by the app's supervisor, which passes "
                    + WorkerProtocol.SECRET_ENV + "; it does not run on its own.");
            System.exit(2);
        }
        try {
            Gstreamer.init();
        } catch (RuntimeException e) {
            System.err.println("Media worker cannot start: " + e.getMessage());
            System.exit(3);
        }
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(8));
        ControlServer control = new ControlServer(vertx, secret, () -> System.exit(0));
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
        server.requestHandler(control::handle).listen().onSuccess(listening -> {
            System.out.println(WorkerProtocol.READY_LINE + listening.actualPort());
            System.out.flush();
        }).onFailure(failure -> {
            System.err.println("Media worker cannot listen on loopback: " + failure.getMessage());
            System.exit(4);
        });
        watchSupervisor(control);
    }

    /** Standard input is a pipe from the supervisor: its end means the app is gone. */
    private static void watchSupervisor(ControlServer control) {
        Thread watcher = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // the supervisor sends nothing; we only wait for the end of the stream
                }
            } catch (IOException ignored) {
                // same as end of stream
            }
            HlsJob hls = control.hls();
            if (hls != null) {
                hls.close();
            }
            RoomPipeline room = control.room();
            if (room != null) {
                Thread closer = new Thread(room::close, "finalise-recordings");
                closer.setDaemon(true);
                closer.start();
                try {
                    closer.join(TimeUnit.SECONDS.toMillis(10));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            System.exit(0);
        }, "supervisor-watch");
        watcher.setDaemon(false);
        watcher.start();
    }
}
