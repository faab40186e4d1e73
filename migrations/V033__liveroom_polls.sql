-- Polls of a live session: a moderator drafts, opens, closes and shares them; attendees vote once.
-- Personal data: each vote (who chose what). Options are a JSON array of labels, votes a JSON array
-- of option positions, so that a poll is one row and a vote is one row.
CREATE TABLE live_poll (
    id            uuid          PRIMARY KEY,
    session_id    uuid          NOT NULL REFERENCES webinar_session (id) ON DELETE CASCADE,
    tenant_id     varchar(63)   NOT NULL REFERENCES tenant (id),
    question      varchar(300)  NOT NULL,
    options       jsonb         NOT NULL,
    multiple      boolean       NOT NULL,
    status        varchar(8)    NOT NULL CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED')),
    shared        boolean       NOT NULL DEFAULT false,
    created_at    timestamptz   NOT NULL,
    opened_at     timestamptz,
    closed_at     timestamptz
);

CREATE INDEX live_poll_session ON live_poll (session_id, created_at);

-- One vote per person and poll (voter: the registration, or the participant without one).
CREATE TABLE live_poll_vote (
    poll_id          uuid          NOT NULL REFERENCES live_poll (id) ON DELETE CASCADE,
    voter            uuid          NOT NULL,
    session_id       uuid          NOT NULL REFERENCES webinar_session (id) ON DELETE CASCADE,
    tenant_id        varchar(63)   NOT NULL REFERENCES tenant (id),
    participant_id   uuid          NOT NULL,
    registration_id  uuid,
    options          jsonb         NOT NULL,
    voted_at         timestamptz   NOT NULL,
    PRIMARY KEY (poll_id, voter)
);

CREATE INDEX live_poll_vote_registration ON live_poll_vote (registration_id) WHERE registration_id IS NOT NULL;
