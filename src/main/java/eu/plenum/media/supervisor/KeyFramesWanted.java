package eu.plenum.media.supervisor;

import java.util.List;

/**
 * CDI event: viewers of a room asked for key frames of these publishers (PLI, FIR, or they just
 * joined) since the viewer worker's last heartbeat. The room worker answers at most one request a
 * second per track, however many viewer workers relay.
 */
public record KeyFramesWanted(String roomId, List<String> publisherIds) {
}
