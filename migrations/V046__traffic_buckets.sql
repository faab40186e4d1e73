-- Rate-limit buckets that every app node shares (eu.plenum.traffic.SharedBuckets, bucket4j's PostgreSQL
-- select-for-update backend): registration and self-service requests per client address. The id is an
-- HMAC of endpoint class and address (never the address in clear); a row expires (epoch millis) as soon as
-- its bucket would be full again and is swept every minute.
CREATE TABLE traffic_bucket (
    id          varchar(64)  PRIMARY KEY,
    state       bytea,
    expires_at  bigint
);
CREATE INDEX traffic_bucket_expires ON traffic_bucket (expires_at);
