-- Attendance: every open event stream of an attendee page is one presence (a device's connection),
-- written when it opens, its last_seen_at renewed every 30 s by the node serving it, closed when it
-- ends — or, when that node died, at its last heartbeat by any other node. Intervals per registration
-- and session are merged from these rows when a report is read (audience.AttendanceIntervals).
CREATE TABLE attendance_presence (
    id                  uuid         PRIMARY KEY,
    tenant_id           varchar(63)  NOT NULL REFERENCES tenant (id),
    webinar_id          uuid         NOT NULL,
    -- webinar_session.id
    session_id          uuid         NOT NULL,
    registration_id     uuid         NOT NULL,
    -- The device: attendee_session.id
    attendee_session_id uuid         NOT NULL,
    node_id             varchar(200) NOT NULL,
    connected_at        timestamptz  NOT NULL,
    last_seen_at        timestamptz  NOT NULL,
    disconnected_at     timestamptz,
    CHECK (disconnected_at IS NULL OR disconnected_at >= connected_at)
);

CREATE INDEX attendance_presence_session ON attendance_presence (tenant_id, session_id, registration_id);
CREATE INDEX attendance_presence_open ON attendance_presence (last_seen_at) WHERE disconnected_at IS NULL;
CREATE INDEX attendance_presence_registration ON attendance_presence (registration_id);

-- The live window of each session as the audience saw it (first go-live, last end) and when its
-- attendance became final (attendance.ready): due some minutes after the end, cleared by a new go-live.
CREATE TABLE attendance_session (
    session_id  uuid        PRIMARY KEY,
    tenant_id   varchar(63) NOT NULL REFERENCES tenant (id),
    webinar_id  uuid        NOT NULL,
    live_from   timestamptz NOT NULL,
    live_until  timestamptz,
    final_due   timestamptz,
    final_at    timestamptz
);

CREATE INDEX attendance_session_due ON attendance_session (final_due) WHERE final_at IS NULL AND final_due IS NOT NULL;
