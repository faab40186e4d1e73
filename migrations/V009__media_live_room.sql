-- Live rooms: one per webinar session, the place a host publishes into (browser studio or any
-- WHIP client with the room's stream key). A room is served by one media worker process at a
-- time; its history (went live, publishers, recording, ended and why) is kept in room_event,
-- which is also where the data-location report finds the nodes and sites that processed media.
CREATE TABLE live_room (
    id                  uuid          PRIMARY KEY,
    tenant_id           varchar(63)   NOT NULL REFERENCES tenant (id),
    webinar_id          uuid          NOT NULL REFERENCES webinar (id),
    session_id          uuid          NOT NULL UNIQUE REFERENCES webinar_session (id),
    -- SHA-256 of the stream key; the key itself is shown once, when it is made.
    stream_key_hash     varchar(64)   NOT NULL,
    stream_key_hint     varchar(8)    NOT NULL,
    publisher_limit     integer       NOT NULL DEFAULT 2 CHECK (publisher_limit BETWEEN 1 AND 8),
    status              varchar(12)   NOT NULL CHECK (status IN ('READY', 'STARTING', 'LIVE', 'ENDED')),
    ended_reason        varchar(16)   CHECK (ended_reason IN ('HOST_ENDED', 'MEDIA_FAILURE', 'NO_WORKER')),
    recording           boolean       NOT NULL DEFAULT true,
    worker_id           varchar(64),
    worker_node         varchar(120),
    worker_region       varchar(32),
    went_live_at        timestamptz,
    ended_at            timestamptz,
    created_at          timestamptz   NOT NULL DEFAULT now(),
    version             integer       NOT NULL DEFAULT 0
);

CREATE INDEX live_room_tenant ON live_room (tenant_id);

-- Append-only history of a room.
CREATE TABLE room_event (
    id          bigserial     PRIMARY KEY,
    room_id     uuid          NOT NULL REFERENCES live_room (id),
    tenant_id   varchar(63)   NOT NULL REFERENCES tenant (id),
    kind        varchar(24)   NOT NULL CHECK (kind IN ('WENT_LIVE', 'PUBLISHER_JOINED', 'PUBLISHER_LEFT',
                    'RECORDING_STARTED', 'RECORDING_STOPPED', 'ENDED', 'MEDIA_FAILURE', 'WAITING_FOR_WORKER')),
    detail      varchar(300),
    worker_id   varchar(64),
    node        varchar(120),
    region      varchar(32),
    at          timestamptz   NOT NULL DEFAULT now()
);

CREATE INDEX room_event_room ON room_event (room_id, at);

CREATE FUNCTION room_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'room_event is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER room_event_no_update BEFORE UPDATE OR DELETE ON room_event
    FOR EACH ROW EXECUTE FUNCTION room_event_append_only();

-- Publishing sessions of a room (one per WHIP resource); the DELETE of the resource ends one.
CREATE TABLE room_publisher (
    id            uuid          PRIMARY KEY,
    room_id       uuid          NOT NULL REFERENCES live_room (id),
    tenant_id     varchar(63)   NOT NULL REFERENCES tenant (id),
    has_video     boolean       NOT NULL,
    has_audio     boolean       NOT NULL,
    video_codec   varchar(8),
    audio_codec   varchar(8),
    started_at    timestamptz   NOT NULL DEFAULT now(),
    ended_at      timestamptz
);

CREATE INDEX room_publisher_active ON room_publisher (room_id) WHERE ended_at IS NULL;

-- Recordings catalogue: one file per publisher and recording segment, written as received.
CREATE TABLE recording (
    id            uuid          PRIMARY KEY,
    tenant_id     varchar(63)   NOT NULL REFERENCES tenant (id),
    room_id       uuid          NOT NULL REFERENCES live_room (id),
    session_id    uuid          NOT NULL REFERENCES webinar_session (id),
    publisher_id  uuid          NOT NULL REFERENCES room_publisher (id),
    tracks        varchar(40)   NOT NULL,
    container     varchar(8)    NOT NULL CHECK (container IN ('webm', 'mkv')),
    storage_place varchar(63)   NOT NULL,
    storage_region varchar(32)  NOT NULL,
    file_path     varchar(500)  NOT NULL,
    status        varchar(12)   NOT NULL CHECK (status IN ('RECORDING', 'COMPLETE', 'INTERRUPTED')),
    size_bytes    bigint,
    duration_ms   bigint,
    sha256        varchar(64),
    started_at    timestamptz   NOT NULL DEFAULT now(),
    ended_at      timestamptz
);

CREATE INDEX recording_room ON recording (room_id);
CREATE INDEX recording_tenant ON recording (tenant_id, started_at DESC);
