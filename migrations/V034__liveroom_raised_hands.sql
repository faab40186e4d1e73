-- Hands raised in a live session, the host's queue in raise order; lowering deletes the row.
-- Personal data: who raised it (participant, registration, the name the queue shows) and when.
CREATE TABLE live_raised_hand (
    session_id       uuid          NOT NULL REFERENCES webinar_session (id) ON DELETE CASCADE,
    voter            uuid          NOT NULL,
    tenant_id        varchar(63)   NOT NULL REFERENCES tenant (id),
    participant_id   uuid          NOT NULL,
    registration_id  uuid,
    display_name     varchar(200)  NOT NULL,
    raised_at        timestamptz   NOT NULL,
    PRIMARY KEY (session_id, voter)
);

CREATE INDEX live_raised_hand_queue ON live_raised_hand (session_id, raised_at);
CREATE INDEX live_raised_hand_registration ON live_raised_hand (registration_id) WHERE registration_id IS NOT NULL;
