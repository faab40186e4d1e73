-- Q&A of a live session. Personal data: the author (participant, registration, the name shown),
-- the text they wrote, and who upvoted what. Erasure (QuestionsHeld) clears author and text but
-- keeps the row, so other attendees' upvotes and the session's question count stay.
CREATE TABLE live_question (
    id                   uuid          PRIMARY KEY,
    session_id           uuid          NOT NULL REFERENCES webinar_session (id) ON DELETE CASCADE,
    tenant_id            varchar(63)   NOT NULL REFERENCES tenant (id),
    author_participant   uuid,
    author_registration  uuid,
    author_name          varchar(200),
    anonymous            boolean       NOT NULL,
    text                 varchar(500),
    status               varchar(12)   NOT NULL CHECK (status IN ('OPEN', 'ANSWERED', 'DISMISSED')),
    votes                integer       NOT NULL DEFAULT 0 CHECK (votes >= 0),
    asked_at             timestamptz   NOT NULL,
    erased_at            timestamptz,
    CHECK (erased_at IS NOT NULL OR (text IS NOT NULL AND author_participant IS NOT NULL))
);

CREATE INDEX live_question_session ON live_question (session_id, status);
CREATE INDEX live_question_author_registration ON live_question (author_registration) WHERE author_registration IS NOT NULL;

-- One upvote per person and question: the voter is the registration when there is one (two devices
-- of one attendee are one person), otherwise the participant (an open viewer, a host).
CREATE TABLE live_question_upvote (
    question_id      uuid          NOT NULL REFERENCES live_question (id) ON DELETE CASCADE,
    voter            uuid          NOT NULL,
    session_id       uuid          NOT NULL REFERENCES webinar_session (id) ON DELETE CASCADE,
    tenant_id        varchar(63)   NOT NULL REFERENCES tenant (id),
    participant_id   uuid          NOT NULL,
    registration_id  uuid,
    created_at       timestamptz   NOT NULL,
    PRIMARY KEY (question_id, voter)
);

CREATE INDEX live_question_upvote_session_voter ON live_question_upvote (session_id, voter);
CREATE INDEX live_question_upvote_registration ON live_question_upvote (registration_id) WHERE registration_id IS NOT NULL;
