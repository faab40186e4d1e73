-- Webhook events: endpoints subscribe to event types, secrets are stored only sealed (AES-GCM under
-- plenum.webhooks.secret-key; the app empties the former clear signing_key at start-up), and every
-- event is an outbox row per subscribed endpoint, written in the transaction that produced the event.
ALTER TABLE webhook_endpoint ALTER COLUMN signing_key DROP NOT NULL;
ALTER TABLE webhook_endpoint
    ADD COLUMN secret_sealed          varchar(300),
    -- The secret before the last rotation keeps signing (a second v1=) until previous_secret_until.
    ADD COLUMN previous_secret_sealed varchar(300),
    ADD COLUMN previous_secret_until  timestamptz,
    -- Subscribed event types, comma-separated; empty: none (events carry personal data, so opt in).
    ADD COLUMN events                 varchar(500) NOT NULL DEFAULT '';

CREATE TABLE webhook_delivery (
    -- Sent as Plenum-Delivery, the same on every attempt: receivers de-duplicate by it.
    id                uuid         PRIMARY KEY,
    endpoint_id       uuid         NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    tenant_id         varchar(63)  NOT NULL REFERENCES tenant (id),
    -- The event (shared by the deliveries of one event to several endpoints).
    event_id          uuid         NOT NULL,
    event_type        varchar(40)  NOT NULL,
    -- The JSON body exactly as signed and sent. registration.* bodies hold the registrant's e-mail.
    payload           text         NOT NULL,
    -- Whose personal data the payload holds (registration.* only), for export and erasure.
    registration_id   uuid,
    -- PENDING → SENDING (claimed, lease until claimed_until) → DELIVERED | PENDING (retry) | DEAD | REFUSED
    status            varchar(16)  NOT NULL DEFAULT 'PENDING'
                      CHECK (status IN ('PENDING', 'SENDING', 'DELIVERED', 'DEAD', 'REFUSED')),
    attempts          integer      NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz  NOT NULL,
    claim_id          uuid,
    claimed_until     timestamptz,
    last_status       integer,
    last_error        varchar(500),
    created_at        timestamptz  NOT NULL,
    delivered_at      timestamptz
);

CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX webhook_delivery_endpoint ON webhook_delivery (endpoint_id, created_at);
CREATE INDEX webhook_delivery_registration ON webhook_delivery (registration_id) WHERE registration_id IS NOT NULL;
