package eu.plenum.media.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.plenum.media.pipeline.MediaPipelineException;
import eu.plenum.media.pipeline.RecordedFile;
import eu.plenum.media.pipeline.RoomPipeline;
import eu.plenum.media.pipeline.TrackKind;
import eu.plenum.media.worker.WorkerProtocol.Answer;
import eu.plenum.media.worker.WorkerProtocol.Assign;
import eu.plenum.media.worker.WorkerProtocol.Failure;
import eu.plenum.media.worker.WorkerProtocol.Files;
import eu.plenum.media.worker.WorkerProtocol.Heartbeat;
import eu.plenum.media.worker.WorkerProtocol.Publish;
import eu.plenum.media.worker.WorkerProtocol.State;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

/** The HTTP side of a media worker: requests from the supervisor, mapped onto its one room. */
final class ControlServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx;
    private final byte[] secret;
    private final Runnable exit;
    private volatile RoomPipeline room;
    private volatile eu.plenum.media.pipeline.ViewerPipeline viewing;
    /** Set instead of {@code room} when this worker is a room's HLS transcoder. */
    private volatile HlsJob hls;
    private volatile String roomId;
    private volatile State state = State.IDLE;

    ControlServer(Vertx vertx, String secret, Runnable exit) {
        this.vertx = vertx;
        this.secret = ("Bearer " + secret).getBytes(StandardCharsets.UTF_8);
        this.exit = exit;
    }

    RoomPipeline room() {
        return room;
    }

    HlsJob hls() {
        return hls;
    }

    void handle(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !MessageDigest.isEqual(secret, authorization.getBytes(StandardCharsets.UTF_8))) {
            request.response().setStatusCode(401).end();
            return;
        }
        request.body().onSuccess(body -> route(request, body));
    }

    private void route(HttpServerRequest request, Buffer body) {
        String path = request.path();
        HttpMethod method = request.method();
        if (method == HttpMethod.GET && path.equals("/heartbeat")) {
            reply(request, 200, heartbeat());
        } else if (method == HttpMethod.POST && path.equals("/hls")) {
            blocking(request, 200, () -> transcode(read(body, WorkerProtocol.Transcode.class)));
        } else if (method == HttpMethod.POST && path.equals("/room")) {
            blocking(request, 204, () -> assign(read(body, Assign.class)));
        } else if (method == HttpMethod.POST && path.startsWith("/publishers/") && path.endsWith("/key-frame")) {
            String publisherId = path.substring("/publishers/".length(), path.length() - "/key-frame".length());
            blocking(request, 200, () -> java.util.Map.of("requested", live().requestKeyFrameForViewers(publisherId)));
        } else if (method == HttpMethod.POST && path.startsWith("/publishers/")) {
            blocking(request, 200, () -> publish(path.substring("/publishers/".length()), read(body, Publish.class)));
        } else if (method == HttpMethod.DELETE && path.startsWith("/publishers/")) {
            blocking(request, 200, () -> files(live().unpublish(path.substring("/publishers/".length()))));
        } else if (method == HttpMethod.PUT && path.startsWith("/forwards/")) {
            blocking(request, 204, () -> forward(path.substring("/forwards/".length()), read(body, WorkerProtocol.Forward.class)));
        } else if (method == HttpMethod.DELETE && path.startsWith("/forwards/")) {
            blocking(request, 204, () -> {
                live().unforward(path.substring("/forwards/".length()));
                return null;
            });
        } else if (method == HttpMethod.POST && path.equals("/viewing")) {
            blocking(request, 200, () -> startViewing(read(body, WorkerProtocol.Viewing.class)));
        } else if (method == HttpMethod.POST && path.startsWith("/viewers/")) {
            blocking(request, 200, () -> new WorkerProtocol.ViewerAnswer(
                    viewing().addViewer(path.substring("/viewers/".length()), read(body, WorkerProtocol.ViewerOffer.class).sdp())));
        } else if (method == HttpMethod.DELETE && path.startsWith("/viewers/")) {
            blocking(request, 204, () -> {
                if (!viewing().removeViewer(path.substring("/viewers/".length()))) {
                    throw new java.util.NoSuchElementException("no such viewer");
                }
                return null;
            });
        } else if (method == HttpMethod.POST && path.equals("/recording/start")) {
            blocking(request, 200, () -> files(live().startRecording()));
        } else if (method == HttpMethod.POST && path.equals("/recording/stop")) {
            blocking(request, 200, () -> files(live().stopRecording()));
        } else if (method == HttpMethod.POST && path.equals("/close")) {
            blocking(request, 200, this::close).onComplete(done -> vertx.setTimer(100, timer -> exit.run()));
        } else {
            reply(request, 404, new Failure("no such control request: " + method + " " + path));
        }
    }

    private Heartbeat heartbeat() {
        RoomPipeline current = room;
        eu.plenum.media.pipeline.ViewerPipeline viewers = viewing;
        HlsJob transcoding = hls;
        String fault = current != null ? current.fault().orElse(null) : viewers != null ? viewers.fault().orElse(null)
                : transcoding != null ? transcoding.fault().orElse(null) : null;
        List<WorkerProtocol.Track> tracks = current != null ? current.tracks().stream().map(ControlServer::track).toList()
                : viewers != null ? viewers.tracks().stream().map(ControlServer::track).toList() : List.of();
        return new Heartbeat(state, roomId, current == null ? 0 : current.publisherCount(),
                current != null && current.recording(), fault,
                current == null ? 0 : current.rolls(),
                current == null ? List.of() : current.currentFiles().stream().map(ControlServer::file).toList(),
                current == null ? List.of() : current.rolledFiles().stream().map(ControlServer::file).toList(),
                current == null ? 0 : current.failures(),
                current == null ? List.of() : current.failedPublishers().stream().map(failed -> new WorkerProtocol.FailedPublisher(
                        failed.publisherId(), failed.reason(), failed.files().stream().map(ControlServer::file).toList())).toList(),
                tracks, viewers == null ? List.of() : viewers.viewerIds(),
                viewers == null ? java.util.Map.of() : viewers.keyFrameWants());
    }

    private static WorkerProtocol.Track track(RoomPipeline.PublishedTrack track) {
        return new WorkerProtocol.Track(track.publisherId(), track.kind().name(), track.codec().name(), track.ssrc());
    }

    private Void forward(String consumerId, WorkerProtocol.Forward forward) {
        live().forward(consumerId, new RoomPipeline.Forward(forward.host(), forward.tracks().stream()
                .map(track -> new RoomPipeline.ForwardedTrack(track.publisherId(), TrackKind.valueOf(track.kind()), track.port()))
                .toList()));
        return null;
    }

    /** Makes this worker a viewer worker of a room: binds the UDP inputs and answers with their ports. */
    private synchronized WorkerProtocol.Ports startViewing(WorkerProtocol.Viewing request) {
        if (state != State.IDLE) {
            throw new IllegalStateException("this worker already serves room " + roomId + "; a worker serves one room, once");
        }
        List<RoomPipeline.PublishedTrack> tracks = request.tracks().stream().map(track -> new RoomPipeline.PublishedTrack(
                track.publisherId(), TrackKind.valueOf(track.kind()), eu.plenum.media.pipeline.ForwardedCodec.of(track.encoding())
                        .orElseThrow(() -> new IllegalArgumentException("cannot forward " + track.encoding())), track.ssrc())).toList();
        viewing = new eu.plenum.media.pipeline.ViewerPipeline(request.roomId(), request.iceAddresses(), tracks, request.maxViewers(),
                "127.0.0.1");
        roomId = request.roomId();
        state = State.LIVE;
        // Viewers who leave without a DELETE (tab closed, network gone) free their place after a grace.
        vertx.setPeriodic(2_000, timer -> vertx.executeBlocking(() -> viewing.sweepGone(), false));
        // Viewers that just connected ask for a key frame of their own (the one asked at join may have come too early).
        vertx.setPeriodic(250, timer -> vertx.executeBlocking(() -> {
            viewing.wishKeyFramesForNewViewers();
            return null;
        }, false));
        return new WorkerProtocol.Ports(viewing.ports().stream()
                .map(port -> new WorkerProtocol.ForwardTrack(port.publisherId(), port.kind().name(), port.port())).toList());
    }

    private eu.plenum.media.pipeline.ViewerPipeline viewing() {
        eu.plenum.media.pipeline.ViewerPipeline current = viewing;
        if (current == null || state != State.LIVE) {
            throw new IllegalStateException("this worker serves no viewers");
        }
        return current;
    }

    private synchronized Void assign(Assign assign) {
        if (state != State.IDLE) {
            throw new IllegalStateException("this worker already serves room " + roomId + "; a worker serves one room, once");
        }
        room = new RoomPipeline(assign.roomId(), Path.of(assign.directory()), assign.iceAddresses(), assign.recording());
        roomId = assign.roomId();
        state = State.LIVE;
        return null;
    }

    /** Makes this worker a room's HLS transcoder; answers with the UDP ports it listens on. */
    private synchronized WorkerProtocol.TranscodePorts transcode(WorkerProtocol.Transcode job) {
        if (state != State.IDLE) {
            throw new IllegalStateException("this worker already serves room " + roomId + "; a worker serves one room, once");
        }
        HlsJob started = new HlsJob(job);
        hls = started;
        roomId = job.roomId();
        state = State.LIVE;
        return started.ports();
    }

    private Answer publish(String publisherId, Publish publish) {
        EnumSet<TrackKind> kinds = EnumSet.noneOf(TrackKind.class);
        if (publish.video()) {
            kinds.add(TrackKind.VIDEO);
        }
        if (publish.audio()) {
            kinds.add(TrackKind.AUDIO);
        }
        RoomPipeline current = live();
        String answer = current.publish(publisherId, publish.sdp(), kinds, publish.matroska());
        return new Answer(answer, current.currentFiles().stream()
                .filter(file -> file.publisherId().equals(publisherId)).map(ControlServer::file).toList());
    }

    private synchronized Files close() {
        if (hls != null) {
            state = State.CLOSING;
            hls.close();
            return new Files(List.of());
        }
        if (viewing != null) {
            state = State.CLOSING;
            viewing.close();
            return new Files(List.of());
        }
        if (room == null) {
            return new Files(List.of());
        }
        state = State.CLOSING;
        return files(room.close());
    }

    private RoomPipeline live() {
        RoomPipeline current = room;
        if (current == null || state != State.LIVE) {
            throw new IllegalStateException("this worker serves no live room");
        }
        return current;
    }

    private static Files files(List<RecordedFile> files) {
        return new Files(files.stream().map(ControlServer::file).toList());
    }

    private static WorkerProtocol.File file(RecordedFile file) {
        return new WorkerProtocol.File(file.publisherId(), file.segment(), file.file().toString(), file.container(), file.finalised(), file.empty());
    }

    private io.vertx.core.Future<Object> blocking(HttpServerRequest request, int status, Callable<Object> work) {
        return vertx.executeBlocking(work, false).onComplete(result -> {
            if (result.succeeded()) {
                reply(request, status, result.result());
            } else {
                Throwable cause = result.cause();
                System.err.println("control request " + request.method() + " " + request.path() + " failed: " + cause);
                for (StackTraceElement frame : cause.getStackTrace()) {
                    System.err.println("    at " + frame);
                }
                int code = cause instanceof eu.plenum.media.pipeline.ViewerPipeline.ViewerCapacityException ? 429
                        : cause instanceof IllegalStateException ? 409
                        : cause instanceof java.util.NoSuchElementException ? 404
                        : cause instanceof MediaPipelineException || cause instanceof IllegalArgumentException ? 422 : 500;
                reply(request, code, new Failure(String.valueOf(cause.getMessage())));
            }
        });
    }

    private static <T> T read(Buffer body, Class<T> type) {
        try {
            return JSON.readValue(body.getBytes(), type);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("unreadable control request: " + e.getMessage(), e);
        }
    }

    private static void reply(HttpServerRequest request, int status, Object body) {
        if (body == null) {
            request.response().setStatusCode(status == 200 ? 204 : status).end();
            return;
        }
        try {
            request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(Buffer.buffer(JSON.writeValueAsBytes(body)));
        } catch (java.io.IOException e) {
            request.response().setStatusCode(500).end();
        }
    }
}
