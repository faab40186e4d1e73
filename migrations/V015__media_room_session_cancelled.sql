-- A room whose session was cancelled never goes live again and its stream key stops working;
-- if it was live when the session was cancelled, it ended with the reason CANCELLED.
ALTER TABLE live_room ADD COLUMN cancelled_at timestamptz;
ALTER TABLE live_room DROP CONSTRAINT live_room_ended_reason_check;
ALTER TABLE live_room ADD CONSTRAINT live_room_ended_reason_check
    CHECK (ended_reason IN ('HOST_ENDED', 'MEDIA_FAILURE', 'NO_WORKER', 'CANCELLED'));
