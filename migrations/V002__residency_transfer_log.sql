-- Every attempted movement of personal data across places or regions, allowed or refused.
-- Append-only: rows are never changed or removed (auditors rely on it), enforced by triggers.
CREATE TABLE transfer_log (
    id            bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at   timestamptz  NOT NULL DEFAULT now(),
    node_id       varchar(120) NOT NULL,
    node_region   varchar(32)  NOT NULL,
    tenant_id     varchar(63),
    category      varchar(60)  NOT NULL,
    purpose       varchar(200) NOT NULL,
    from_region   varchar(32)  NOT NULL,
    destination   varchar(200) NOT NULL,
    to_region     varchar(32),
    legal_basis   varchar(300),
    outcome       varchar(8)   NOT NULL CHECK (outcome IN ('ALLOWED', 'REFUSED')),
    reason        varchar(600)
);

CREATE INDEX transfer_log_tenant_time ON transfer_log (tenant_id, occurred_at);

CREATE FUNCTION transfer_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'transfer_log is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER transfer_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON transfer_log
    FOR EACH ROW EXECUTE FUNCTION transfer_log_refuse_change();

CREATE TRIGGER transfer_log_no_truncate
    BEFORE TRUNCATE ON transfer_log
    FOR EACH STATEMENT EXECUTE FUNCTION transfer_log_refuse_change();

-- Adequate regions an operator allowed for one tenant's personal data, with the legal basis.
CREATE TABLE tenant_region_allowance (
    tenant_id    varchar(63)  NOT NULL REFERENCES tenant (id),
    region_code  varchar(32)  NOT NULL,
    legal_basis  varchar(300) NOT NULL CHECK (length(btrim(legal_basis)) > 0),
    granted_by   varchar(120) NOT NULL,
    granted_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, region_code)
);
