-- A host's private calendar feed: the URL carries a random token; only its SHA-256 is stored.
CREATE TABLE host_calendar_feed (
    user_id      varchar(120) PRIMARY KEY,
    tenant_id    varchar(63)  NOT NULL REFERENCES tenant (id),
    token_hash   varchar(64)  NOT NULL UNIQUE,
    created_at   timestamptz  NOT NULL DEFAULT now()
);
