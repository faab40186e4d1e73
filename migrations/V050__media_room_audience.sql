-- The audience of a live room as each app node counts it (issue 12, the studio's audience view): WebRTC
-- viewers it serves and HLS viewers whose pages renewed their signed URL there lately. Counts only: no
-- address, no registration, no page id. Each node rewrites its own rows every few seconds; a row not
-- rewritten within a minute is a node that is gone and is ignored (and removed by the next writer).
CREATE TABLE room_audience (
    room_id        uuid        NOT NULL REFERENCES live_room (id) ON DELETE CASCADE,
    node_id        varchar(120) NOT NULL,
    webrtc_viewers integer     NOT NULL CHECK (webrtc_viewers >= 0),
    hls_viewers    integer     NOT NULL CHECK (hls_viewers >= 0),
    reported_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (room_id, node_id)
);
-- The most viewers (all nodes, both transports) the room had at once while live: the session's peak.
ALTER TABLE live_room ADD COLUMN audience_peak integer NOT NULL DEFAULT 0;
