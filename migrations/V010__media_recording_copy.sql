-- Where each finished recording is stored: its home-region file (verified when catalogued) and a
-- copy per declared backup storage, made by the app after the recording ended and verified by
-- SHA-256 against the catalogue. PENDING rows are the copy backlog (metric: copy lag).
CREATE TABLE recording_copy (
    recording_id  uuid          NOT NULL REFERENCES recording (id),
    place         varchar(63)   NOT NULL,
    region        varchar(32)   NOT NULL,
    backup        boolean       NOT NULL,
    status        varchar(10)   NOT NULL CHECK (status IN ('PENDING', 'VERIFIED', 'FAILED')),
    sha256        varchar(64),
    size_bytes    bigint,
    attempts      integer       NOT NULL DEFAULT 0,
    last_error    varchar(300),
    requested_at  timestamptz   NOT NULL DEFAULT now(),
    verified_at   timestamptz,
    PRIMARY KEY (recording_id, place)
);

CREATE INDEX recording_copy_pending ON recording_copy (requested_at) WHERE status = 'PENDING';
