-- Webhook endpoints a tenant registered; every delivery passes the residency transfer guard.
CREATE TABLE webhook_endpoint (
    id           uuid          PRIMARY KEY,
    tenant_id    varchar(63)   NOT NULL REFERENCES tenant (id),
    url          varchar(2000) NOT NULL,
    -- Region code where the receiver runs, as the tenant declared it (catalogue code).
    region_code  varchar(32)   NOT NULL,
    description  varchar(200),
    -- HMAC-SHA256 key for the X-Plenum-Signature header, shown once at registration.
    signing_key  varchar(64)   NOT NULL,
    created_at   timestamptz   NOT NULL DEFAULT now()
);

CREATE INDEX webhook_endpoint_tenant ON webhook_endpoint (tenant_id);
