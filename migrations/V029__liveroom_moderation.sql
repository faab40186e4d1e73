-- Live room moderation: the hosts a webinar's host picked as moderators, the chat's settings per
-- session (off, slow mode), and bans per webinar (a participant id: attendee session, open viewer,
-- and for registered attendees their registration, so that every device of theirs is refused).
CREATE TABLE live_moderator (
    webinar_id  uuid          NOT NULL REFERENCES webinar (id) ON DELETE CASCADE,
    user_id     varchar(120)  NOT NULL,
    tenant_id   varchar(63)   NOT NULL REFERENCES tenant (id),
    PRIMARY KEY (webinar_id, user_id)
);

CREATE TABLE live_chat_setting (
    session_id    uuid     PRIMARY KEY REFERENCES webinar_session (id) ON DELETE CASCADE,
    enabled       boolean  NOT NULL DEFAULT true,
    slow_seconds  integer  NOT NULL DEFAULT 0 CHECK (slow_seconds BETWEEN 0 AND 3600)
);

CREATE TABLE live_ban (
    webinar_id       uuid          NOT NULL REFERENCES webinar (id) ON DELETE CASCADE,
    participant_id   uuid          NOT NULL,
    registration_id  uuid,
    banned_by        varchar(120)  NOT NULL,
    banned_at        timestamptz   NOT NULL,
    PRIMARY KEY (webinar_id, participant_id)
);

CREATE INDEX live_ban_registration ON live_ban (webinar_id, registration_id) WHERE registration_id IS NOT NULL;

-- Slow mode asks for an author's last message in a session.
CREATE INDEX live_event_actor ON live_event (session_id, actor_participant, type);
