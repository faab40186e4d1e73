package eu.plenum.liveroom.socket;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;

/** What both socket paths do when a socket opens: a banned participant hears why and is closed; others are welcomed. */
final class SocketOpening {

    private SocketOpening() {
    }

    static void open(LiveRoomHub hub, WebSocketConnection connection) {
        LiveAdmission.Admission admission = connection.userData().get(LiveUpgradeCheck.ADMISSION);
        if (admission == null) {
            connection.close(new CloseReason(1008, "not-admitted")).subscribe().with(ok -> { }, ignored -> { });
            return;
        }
        if (admission.banned()) {
            connection.sendText("{\"type\":\"error\",\"code\":\"banned\",\"message\":\"A moderator removed you from this room.\"}")
                    .onFailure().recoverWithNull()
                    .chain(() -> connection.close(new CloseReason(LiveRoomHub.BANNED, "banned")))
                    .subscribe().with(ok -> { }, ignored -> { });
            return;
        }
        hub.open(connection, admission.who(), connection.userData().get(LiveUpgradeCheck.AFTER));
    }
}
