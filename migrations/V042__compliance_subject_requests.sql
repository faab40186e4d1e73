-- Data-subject requests (GDPR Art. 15 access, Art. 17 erasure) in each tenant's queue, and the
-- self-service asks that wait for the person to prove control of their address.
--
-- A request holds the person's address only while it is needed: the export job and the erasure
-- need it; once the request is closed (export delivered and expired, erasure done) the address is
-- set to NULL and only subject_key (shared.SubjectKeys, a keyed hash) stays. One row per tenant: a
-- self-service ask for a person registered with two tenants becomes two rows, each seen only by
-- that tenant's officers.
CREATE TABLE compliance_subject_request (
    id                 uuid         PRIMARY KEY,
    tenant_id          varchar(63)  NOT NULL REFERENCES tenant (id),
    kind               varchar(16)  NOT NULL CHECK (kind IN ('ACCESS', 'ERASURE')),
    email              varchar(320),
    subject_key        char(64)     NOT NULL,
    state              varchar(16)  NOT NULL CHECK (state IN ('OPEN', 'QUEUED', 'EXPORTING', 'EXPORTED', 'FAILED', 'CLOSED')),
    source             varchar(16)  NOT NULL CHECK (source IN ('OFFICER', 'SELF_SERVICE')),
    created_by         varchar(200) NOT NULL,
    created_at         timestamptz  NOT NULL,
    deadline_at        timestamptz  NOT NULL,
    -- the export job: claimed by one node at a time (claim_id), progress per category
    claim_id           uuid,
    claimed_at         timestamptz,
    categories_done    integer      NOT NULL DEFAULT 0,
    categories_total   integer      NOT NULL DEFAULT 0,
    export_file        varchar(500),
    export_bytes       bigint,
    completed_at       timestamptz,
    export_expires_at  timestamptz,
    failure            varchar(500),
    CHECK (state = 'CLOSED' OR email IS NOT NULL)
);

CREATE INDEX compliance_subject_request_tenant ON compliance_subject_request (tenant_id, created_at DESC);
CREATE INDEX compliance_subject_request_due ON compliance_subject_request (state, created_at)
    WHERE state IN ('QUEUED', 'EXPORTING', 'EXPORTED');

-- A self-service ask before the person confirmed it from the mailed link. The link is derived
-- (shared.LinkTokens: id + HMAC over id and link_version), never stored. address_key (keyed hash of the
-- address) counts asks per address per day; the address itself is cleared on confirmation and the
-- row deleted a day after it was made.
CREATE TABLE compliance_privacy_ask (
    id            uuid         PRIMARY KEY,
    email         varchar(320),
    address_key   char(64)     NOT NULL,
    kind          varchar(16)  NOT NULL CHECK (kind IN ('ACCESS', 'ERASURE')),
    link_version  integer      NOT NULL DEFAULT 1,
    created_at    timestamptz  NOT NULL,
    expires_at    timestamptz  NOT NULL,
    confirmed_at  timestamptz
);

CREATE INDEX compliance_privacy_ask_address ON compliance_privacy_ask (address_key, created_at);
