-- Registrations of attendees (no account): personal data, erased per subject on request.
CREATE TABLE registration (
    id                      uuid          PRIMARY KEY,
    webinar_id              uuid          NOT NULL REFERENCES webinar (id),
    tenant_id               varchar(63)   NOT NULL REFERENCES tenant (id),
    name                    varchar(200)  NOT NULL,
    email                   varchar(254)  NOT NULL,
    email_normalized        varchar(254)  NOT NULL,
    status                  varchar(20)   NOT NULL CHECK (status IN
                            ('UNCONFIRMED', 'REGISTERED', 'WAITLISTED', 'PENDING_APPROVAL', 'DENIED', 'CANCELLED')),
    privacy_acknowledged_at timestamptz   NOT NULL,
    recording_consent       boolean       NOT NULL,
    -- Double opt-in: SHA-256 of the token in the e-mailed confirmation link.
    confirm_token_hash      varchar(64)   NOT NULL UNIQUE,
    confirm_expires_at      timestamptz   NOT NULL,
    -- Personal join link: SHA-256 of its 256-bit token; NULL until the seat is granted.
    join_token_hash         varchar(64)   UNIQUE,
    join_revoked            boolean       NOT NULL DEFAULT false,
    created_at              timestamptz   NOT NULL DEFAULT now(),
    confirmed_at            timestamptz,
    UNIQUE (webinar_id, email_normalized)
);

CREATE INDEX registration_webinar_status ON registration (webinar_id, status);

CREATE TABLE registration_answer (
    registration_id  uuid           NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
    question_id      uuid           NOT NULL REFERENCES registration_question (id),
    answer           varchar(2000)  NOT NULL,
    PRIMARY KEY (registration_id, question_id)
);
