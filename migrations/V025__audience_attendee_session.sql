-- Attendees watch (issue 12). A live room can go live backstage (practice mode): the host and the
-- speakers see each other, attendees wait in the lobby until the host opens the doors. Rooms that
-- go live without practice mode are open at once, hence the default.
ALTER TABLE live_room ADD COLUMN audience_open boolean NOT NULL DEFAULT true;

-- An attendee's session on one device: started by a POST from the lobby of the personal join link,
-- carried by an HttpOnly cookie whose random token is stored only as its SHA-256. The id is the
-- opaque holder of viewer passes (never personal data). Ended when the registration is revoked or
-- cancelled, when a newer device pushes it out (device limit), or when the attendee leaves.
CREATE TABLE attendee_session (
    id               uuid          PRIMARY KEY,
    registration_id  uuid          NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
    webinar_id       uuid          NOT NULL REFERENCES webinar (id) ON DELETE CASCADE,
    token_hash       varchar(64)   NOT NULL UNIQUE,
    started_at       timestamptz   NOT NULL,
    ended_at         timestamptz,
    ended_reason     varchar(16)   CHECK (ended_reason IN ('REVOKED', 'OTHER_DEVICE', 'LEFT'))
);

CREATE INDEX attendee_session_active ON attendee_session (registration_id, started_at) WHERE ended_at IS NULL;
