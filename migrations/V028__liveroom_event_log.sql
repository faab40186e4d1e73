-- Live room event log (chat, questions, polls, hands, presence, moderation), one id sequence per
-- webinar session. The counter row is upserted by the inserting transaction and stays locked until
-- its commit, so ids commit in order within a session and "everything after id N" has no gaps.
CREATE TABLE live_event_counter (
    session_id  uuid    PRIMARY KEY REFERENCES webinar_session (id) ON DELETE CASCADE,
    last_id     bigint  NOT NULL CHECK (last_id > 0)
);

CREATE TABLE live_event (
    session_id          uuid          NOT NULL REFERENCES webinar_session (id) ON DELETE CASCADE,
    id                  bigint        NOT NULL,
    tenant_id           varchar(63)   NOT NULL REFERENCES tenant (id),
    type                varchar(40)   NOT NULL,
    audience            varchar(24)   NOT NULL CHECK (audience IN ('EVERYONE', 'MODERATORS', 'ACTOR_AND_MODERATORS')),
    -- Personal data: who did it (attendee session / open viewer id / host's subject UUID) and their registration.
    actor_participant   uuid,
    actor_registration  uuid,
    payload             jsonb         NOT NULL,
    moderator_payload   jsonb,
    created_at          timestamptz   NOT NULL,
    PRIMARY KEY (session_id, id)
);

CREATE INDEX live_event_actor_registration ON live_event (actor_registration) WHERE actor_registration IS NOT NULL;
