-- What WebRTC viewers are shown ("the stage"): by default the newest publisher's video (a screen share
-- takes the stage, ending it gives it back) and the first publisher's audio; a host may pin one
-- publisher's video. stage_version grows whenever the viewer workers are rebuilt for a new stage, so
-- attendee pages (on any node: their event streams re-read it) reconnect to the new one. Neither
-- column is covered by the room's optimistic version: the media node changes them with plain UPDATEs.
ALTER TABLE live_room ADD COLUMN stage_video uuid;
ALTER TABLE live_room ADD COLUMN stage_version integer NOT NULL DEFAULT 0;
