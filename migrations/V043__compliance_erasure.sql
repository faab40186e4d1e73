-- Erasure (GDPR Art. 17) of one person in one tenant, run as a job: the database part in one
-- transaction through every PersonalDataHolder, then the recording files at every storage place
-- (deleted by the media copy job), then a receipt. The address is kept only until the database
-- part ran; from then on the person is only their keyed hash (shared.SubjectKeys).
CREATE TABLE compliance_erasure (
    id                  uuid          PRIMARY KEY,
    tenant_id           varchar(63)   NOT NULL REFERENCES tenant (id),
    email               varchar(254),
    subject_key         varchar(64)      NOT NULL,
    request_id          uuid,
    requested_by        varchar(255)  NOT NULL,
    requested_at        timestamptz   NOT NULL DEFAULT now(),
    state               varchar(12)   NOT NULL CHECK (state IN ('REQUESTED', 'FILES', 'COMPLETED', 'FAILED')),
    database_erased_at  timestamptz,
    completed_at        timestamptz,
    attempts            integer       NOT NULL DEFAULT 0,
    last_error          varchar(300),
    claim_token         uuid,
    claimed_until       timestamptz,
    CHECK (state IN ('REQUESTED', 'FAILED') OR email IS NULL)
);

CREATE INDEX compliance_erasure_due ON compliance_erasure (requested_at) WHERE state IN ('REQUESTED', 'FILES');
CREATE INDEX compliance_erasure_tenant ON compliance_erasure (tenant_id, requested_at DESC);

-- Receipt, database part: how many items of each category were erased, and where.
CREATE TABLE compliance_erasure_count (
    erasure_id  uuid          NOT NULL REFERENCES compliance_erasure (id),
    category    varchar(63)   NOT NULL,
    location    varchar(120)  NOT NULL,
    items       integer       NOT NULL CHECK (items >= 0),
    PRIMARY KEY (erasure_id, category)
);

-- Receipt, file part: each recording file at each storage place, with the SHA-256 of what was deleted.
CREATE TABLE compliance_erasure_file (
    erasure_id    uuid          NOT NULL REFERENCES compliance_erasure (id),
    recording_id  uuid          NOT NULL,
    place         varchar(63)   NOT NULL,
    region        varchar(16)   NOT NULL,
    backup        boolean       NOT NULL,
    outcome       varchar(20)   NOT NULL CHECK (outcome IN ('DELETED', 'ABSENT', 'FLAGGED_FOR_REVIEW')),
    sha256        varchar(64),
    size_bytes    bigint,
    done_at       timestamptz,
    PRIMARY KEY (erasure_id, recording_id, place)
);

-- The people erased in this database's history (keyed hashes), compared at start-up with the list
-- kept outside the database: an entry of the list missing here means a backup from before that
-- erasure was restored, and the erasure is applied again.
CREATE TABLE compliance_erased_subject (
    tenant_id    varchar(63)   NOT NULL,
    subject_key  varchar(64)      NOT NULL,
    erasure_id   uuid          NOT NULL,
    erased_at    timestamptz   NOT NULL,
    PRIMARY KEY (tenant_id, subject_key)
);

-- Media: who published (the keyed hash of the publisher's address in the room's tenant, when the
-- credential names a person), so that an erasure finds the recordings in which they published.
ALTER TABLE room_publisher ADD COLUMN subject_key varchar(64);
CREATE INDEX room_publisher_subject ON room_publisher (tenant_id, subject_key) WHERE subject_key IS NOT NULL;

-- A recording erased with its publisher (ERASED: its files are deleted at every storage place), or
-- kept for the tenant's review; erased_for is the erased person's keyed hash.
ALTER TABLE recording ADD COLUMN erased_for varchar(64);
ALTER TABLE recording ADD COLUMN erasure_review_since timestamptz;
ALTER TABLE recording DROP CONSTRAINT recording_status_check;
ALTER TABLE recording ADD CONSTRAINT recording_status_check
    CHECK (status IN ('RECORDING', 'COMPLETE', 'INTERRUPTED', 'EMPTY', 'ERASED'));
CREATE INDEX recording_erased_for ON recording (tenant_id, erased_for) WHERE erased_for IS NOT NULL;

-- A copy to delete (DELETING, by the copy job at that place) and one deleted (DELETED, with the
-- SHA-256 and size of the file that was removed; both null when no file was there).
ALTER TABLE recording_copy DROP CONSTRAINT recording_copy_status_check;
ALTER TABLE recording_copy ADD CONSTRAINT recording_copy_status_check
    CHECK (status IN ('GROWING', 'PENDING', 'VERIFIED', 'FAILED', 'DELETING', 'DELETED'));
ALTER TABLE recording_copy ADD COLUMN deleted_at timestamptz;
CREATE INDEX recording_copy_deleting ON recording_copy (requested_at) WHERE status = 'DELETING';

-- What an erasure does with the recordings a tenant's erased publisher appears in: DELETE (default)
-- or REVIEW (kept, unpublished and flagged until the tenant decides).
CREATE TABLE media_erasure_policy (
    tenant_id   varchar(63)  PRIMARY KEY REFERENCES tenant (id),
    recordings  varchar(8)   NOT NULL CHECK (recordings IN ('DELETE', 'REVIEW')),
    changed_at  timestamptz  NOT NULL DEFAULT now()
);
