-- The audit log: append-only and hash-chained. Each entry carries the hash of the one before it
-- (prev_hash) and its own (entry_hash = SHA-256 over prev_hash and the entry's canonical text, computed
-- by compliance.audit.ChainedAuditTrail), so an edited, deleted or reordered row breaks the chain at
-- that row. seq is dense and given under a lock by the appender, never by a sequence (a sequence
-- leaves gaps on rollback, and a gap must mean "deleted"). No personal data: actors are account ids,
-- people are keyed hashes (shared.SubjectKeys), targets are ids.
CREATE TABLE compliance_audit_entry (
    seq          bigint       PRIMARY KEY,
    recorded_at  timestamptz  NOT NULL,
    node_id      varchar(200) NOT NULL,
    action       varchar(100) NOT NULL,
    actor        varchar(200) NOT NULL,
    tenant_id    varchar(63),
    subject_key  char(64),
    target       varchar(200),
    details      jsonb        NOT NULL DEFAULT '{}'::jsonb,
    prev_hash    char(64)     NOT NULL,
    entry_hash   char(64)     NOT NULL UNIQUE,
    CHECK (seq >= 1)
);

CREATE INDEX compliance_audit_entry_subject ON compliance_audit_entry (subject_key) WHERE subject_key IS NOT NULL;
CREATE INDEX compliance_audit_entry_tenant ON compliance_audit_entry (tenant_id, seq);
