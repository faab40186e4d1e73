-- A publisher ended by a media error in its own elements (its room goes on) is a history entry of its own.
ALTER TABLE room_event DROP CONSTRAINT room_event_kind_check;
ALTER TABLE room_event ADD CONSTRAINT room_event_kind_check CHECK (kind IN ('WENT_LIVE', 'PUBLISHER_JOINED', 'PUBLISHER_LEFT',
    'PUBLISHER_FAILED', 'RECORDING_STARTED', 'RECORDING_STOPPED', 'ENDED', 'MEDIA_FAILURE', 'WAITING_FOR_WORKER'));
