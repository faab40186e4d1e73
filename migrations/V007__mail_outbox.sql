-- Mail waiting to be sent: written in the same transaction as the change it reports, sent by a
-- scheduled job that claims rows with FOR UPDATE SKIP LOCKED, so each mail leaves once even with
-- several app nodes. dedupe_key makes a second mail for the same purpose impossible.
CREATE TABLE mail_outbox (
    id             uuid           PRIMARY KEY,
    tenant_id      varchar(63)    REFERENCES tenant (id),
    dedupe_key     varchar(200)   NOT NULL UNIQUE,
    recipient      varchar(254)   NOT NULL,
    subject        varchar(300)   NOT NULL,
    body_text      text           NOT NULL,
    body_html      text           NOT NULL,
    calendar       text,
    calendar_method varchar(8),
    send_after     timestamptz    NOT NULL,
    sent_at        timestamptz,
    attempts       integer        NOT NULL DEFAULT 0,
    last_error     varchar(500),
    created_at     timestamptz    NOT NULL DEFAULT now()
);

CREATE INDEX mail_outbox_due ON mail_outbox (send_after) WHERE sent_at IS NULL;
