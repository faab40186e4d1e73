package eu.plenum.media.rooms;

/** Builds room views inside a transaction. */
final class RoomViews {

    private RoomViews() {
    }

    static RoomView of(LiveRoom room, RoomStore store, String publicUrl) {
        var history = store.history(room.id()).stream()
                .map(event -> new RoomView.Event(event.kind().name(), event.detail(), event.node(), event.region(), event.at()))
                .toList();
        var recordings = store.recordings(room.id()).stream()
                .map(recording -> RecordingView.of(recording, store.copies(recording.id()))).toList();
        int publishers = room.status() == LiveRoom.Status.LIVE ? store.activePublishers(room.id()).size() : 0;
        return new RoomView(room.id(), room.webinarId(), room.sessionId(), room.status().name(),
                room.endedReason() == null ? null : room.endedReason().name(), room.cancelled(), room.recording(),
                publicUrl + "/api/rooms/" + room.id() + "/whip", room.streamKeyHint(), room.publisherLimit(), publishers,
                room.wentLiveAt(), room.endedAt(), room.workerNode(), room.workerRegion(), history, recordings, room.audienceOpen());
    }
}
