-- Retention: per-tenant overrides of the default retention period of each data category (the defaults
-- live in the code, compliance.retention.RetentionDefaults), and the runs of the retention job as the
-- console shows them (counts per tenant and category only: no personal data).
CREATE TABLE compliance_retention_rule (
    tenant_id   varchar(63)  NOT NULL REFERENCES tenant (id),
    category    varchar(60)  NOT NULL CHECK (category ~ '^[a-z][a-z0-9-]{1,59}$'),
    -- Days after the category's own clock (created, delivered, session end, …); NULL: kept until deleted.
    keep_days   integer      CHECK (keep_days IS NULL OR keep_days BETWEEN 0 AND 36500),
    changed_at  timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, category)
);

CREATE TABLE compliance_retention_run (
    id           uuid          PRIMARY KEY,
    node_id      varchar(200)  NOT NULL,
    started_at   timestamptz   NOT NULL,
    finished_at  timestamptz   NOT NULL,
    removed      bigint        NOT NULL CHECK (removed >= 0)
);
CREATE INDEX compliance_retention_run_node ON compliance_retention_run (node_id, started_at DESC);
CREATE INDEX compliance_retention_run_started ON compliance_retention_run (started_at DESC);

-- What one run removed, per tenant ('' for rows that belong to no tenant) and category; zero counts are not stored.
CREATE TABLE compliance_retention_run_count (
    run_id     uuid         NOT NULL REFERENCES compliance_retention_run (id) ON DELETE CASCADE,
    tenant_id  varchar(63)  NOT NULL,
    category   varchar(60)  NOT NULL,
    removed    integer      NOT NULL CHECK (removed > 0),
    PRIMARY KEY (run_id, tenant_id, category)
);

-- The transfer log's rows past two years go through transfer_log_prune (V041, the owner's function):
-- the runtime role cannot delete from the log in any other way.
