-- Per-tenant quota overrides set by operators (console, issue 17). A NULL column means "the configured default"
-- (plenum.quotas.*); a row exists only for a tenant with at least one override. Who changed what, when and from
-- where is in the hash-chained audit log (action quota.changed).
CREATE TABLE tenant_quota (
    tenant_id                  varchar(63) PRIMARY KEY REFERENCES tenant (id),
    live_rooms                 bigint  CHECK (live_rooms >= 0),
    webrtc_viewers_per_room    bigint  CHECK (webrtc_viewers_per_room >= 0),
    recording_bytes            bigint  CHECK (recording_bytes >= 0),
    registrations_per_webinar  bigint  CHECK (registrations_per_webinar >= 0),
    updated_at                 timestamptz NOT NULL
);
