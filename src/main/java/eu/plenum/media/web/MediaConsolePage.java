package eu.plenum.media.web;

import eu.plenum.identity.PlenumRoles;
import eu.plenum.media.rooms.RoomViewers;
import eu.plenum.media.supervisor.PoolSnapshot;
import eu.plenum.media.supervisor.WorkerPool;
import eu.plenum.shared.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Operators' live view of this node's media: every worker process with its job (ingest and
 * recording, viewers, transcoder), phase and viewers, and per live room its workers and WebRTC
 * viewers. It reloads itself every few seconds. Lives under the console's address and layout; the
 * back-office issue gives the console's pages one home.
 */
@Path("/console/media")
@RolesAllowed(PlenumRoles.ADMIN)
public class MediaConsolePage {

    @CheckedTemplate(basePath = "media")
    static class Templates {
        static native TemplateInstance console(String node, PoolSnapshot pool, List<Room> rooms);
    }

    /** A live room as this node serves it: its workers by job, and WebRTC viewers now. */
    public record Room(String roomId, long ingest, int viewerWorkers, int transcoders, int webrtcViewers) {
    }

    private final WorkerPool pool;
    private final RoomViewers viewers;
    private final Pages pages;
    private final String node;

    MediaConsolePage(WorkerPool pool, RoomViewers viewers, Pages pages,
            @ConfigProperty(name = "plenum.node-id", defaultValue = "local") String node) {
        this.pool = pool;
        this.viewers = viewers;
        this.pages = pages;
        this.node = node;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String console() {
        PoolSnapshot snapshot = pool.snapshot();
        return pages.render(Templates.console(node, snapshot, rooms(snapshot)));
    }

    private List<Room> rooms(PoolSnapshot snapshot) {
        Map<String, List<PoolSnapshot.Worker>> byRoom = new LinkedHashMap<>();
        snapshot.workers().stream().filter(worker -> worker.roomId() != null && "BUSY".equals(worker.phase()))
                .forEach(worker -> byRoom.computeIfAbsent(worker.roomId(), id -> new java.util.ArrayList<>()).add(worker));
        return byRoom.entrySet().stream().map(room -> new Room(room.getKey(),
                room.getValue().stream().filter(worker -> "ROOM".equals(worker.job())).mapToLong(PoolSnapshot.Worker::pid).findFirst().orElse(0),
                (int) room.getValue().stream().filter(worker -> "VIEWERS".equals(worker.job())).count(),
                (int) room.getValue().stream().filter(worker -> "TRANSCODER".equals(worker.job())).count(),
                viewers.viewers(java.util.UUID.fromString(room.getKey())))).toList();
    }
}
