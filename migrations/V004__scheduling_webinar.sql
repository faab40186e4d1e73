-- Webinars of a tenant and their sessions (one per occurrence). Times: the host's wall-clock
-- start and IANA zone are kept to expand recurrences correctly across daylight-saving changes;
-- each session's instants are stored in UTC (timestamptz).
CREATE TABLE webinar (
    id                    uuid          PRIMARY KEY,
    tenant_id             varchar(63)   NOT NULL REFERENCES tenant (id),
    title                 varchar(200)  NOT NULL CHECK (length(btrim(title)) > 0),
    description           varchar(10000),
    speakers              varchar(1000),
    language              varchar(12)   NOT NULL,
    time_zone             varchar(64)   NOT NULL,
    start_local           timestamp     NOT NULL,
    duration_minutes      integer       NOT NULL CHECK (duration_minutes BETWEEN 5 AND 1440),
    recurrence            varchar(8)    NOT NULL CHECK (recurrence IN ('NONE', 'DAILY', 'WEEKLY', 'MONTHLY')),
    recurrence_count      integer       CHECK (recurrence_count BETWEEN 1 AND 100),
    recurrence_until      date,
    capacity              integer       NOT NULL CHECK (capacity > 0),
    registration_mode     varchar(8)    NOT NULL CHECK (registration_mode IN ('OPEN', 'APPROVAL', 'CLOSED')),
    recording_policy      varchar(16)   NOT NULL CHECK (recording_policy IN ('OFF', 'ON_WITH_CONSENT')),
    status                varchar(10)   NOT NULL CHECK (status IN ('SCHEDULED', 'CANCELLED')),
    -- iCalendar SEQUENCE: raised on every change that attendees' calendars must follow.
    ical_sequence         integer       NOT NULL DEFAULT 0,
    created_by            varchar(120)  NOT NULL,
    created_at            timestamptz   NOT NULL DEFAULT now(),
    updated_at            timestamptz   NOT NULL DEFAULT now(),
    version               integer       NOT NULL DEFAULT 0
);

CREATE INDEX webinar_tenant ON webinar (tenant_id);

CREATE TABLE webinar_session (
    id                uuid         PRIMARY KEY,
    webinar_id        uuid         NOT NULL REFERENCES webinar (id),
    tenant_id         varchar(63)  NOT NULL REFERENCES tenant (id),
    occurrence        integer      NOT NULL CHECK (occurrence >= 0),
    starts_at         timestamptz  NOT NULL,
    ends_at           timestamptz  NOT NULL CHECK (ends_at > starts_at),
    status            varchar(10)  NOT NULL CHECK (status IN ('SCHEDULED', 'CANCELLED')),
    -- A session moved on its own keeps its time when the webinar's schedule is edited.
    moved             boolean      NOT NULL DEFAULT false,
    UNIQUE (webinar_id, occurrence)
);

CREATE INDEX webinar_session_tenant_start ON webinar_session (tenant_id, starts_at);

CREATE TABLE registration_question (
    id           uuid          PRIMARY KEY,
    webinar_id   uuid          NOT NULL REFERENCES webinar (id),
    position     integer       NOT NULL,
    kind         varchar(16)   NOT NULL CHECK (kind IN ('TEXT', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE')),
    label        varchar(300)  NOT NULL,
    required     boolean       NOT NULL,
    -- Choices, one per line; empty for text questions.
    choices      varchar(3000),
    UNIQUE (webinar_id, position)
);
