-- The schema owner (the role Flyway migrates as, running this file) and the runtime role the app
-- connects as (${app_role}, from quarkus.datasource.username) are two roles. The runtime role owns
-- no table, so it can neither ALTER nor DROP nor TRUNCATE one, nor disable a trigger: the audit
-- log and the transfer log are append-only for it, and only the owner could change that.
-- Default privileges make every table and sequence that later migrations create (as the owner)
-- usable by the runtime role without another GRANT.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${app_role}') THEN
        RAISE EXCEPTION 'The runtime role "${app_role}" does not exist: create it (LOGIN, owning nothing) before migrating';
    END IF;
END $$;

GRANT USAGE ON SCHEMA public TO "${app_role}";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "${app_role}";
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO "${app_role}";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "${app_role}";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO "${app_role}";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO "${app_role}";

-- Which chain this is: the anchors outside the database are kept per chain, so a fresh database
-- (a new install, a test run) is not measured against another one's anchors, while a restored
-- backup of this one is.
CREATE TABLE compliance_audit_chain (
    id          uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
    created_at  timestamptz  NOT NULL DEFAULT now(),
    one_row     boolean      NOT NULL DEFAULT true UNIQUE CHECK (one_row)
);
INSERT INTO compliance_audit_chain DEFAULT VALUES;

-- Where the chain starts after retention pruned entries older than two years: the first kept
-- entry and its prev_hash (the hash of the last pruned one). Without a row the chain starts at
-- seq 1 with the genesis hash.
CREATE TABLE compliance_audit_checkpoint (
    first_seq     bigint       PRIMARY KEY,
    prev_hash     char(64)     NOT NULL,
    pruned_count  bigint       NOT NULL,
    pruned_at     timestamptz  NOT NULL DEFAULT now()
);

-- Append-only for everyone, the owner included, except the owner's own pruning function below;
-- the runtime role gets SELECT and INSERT only.
CREATE FUNCTION compliance_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('plenum.log_prune', true) = TG_TABLE_NAME THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$;

CREATE TRIGGER compliance_audit_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON compliance_audit_entry
    FOR EACH ROW EXECUTE FUNCTION compliance_refuse_change();
CREATE TRIGGER compliance_audit_entry_no_truncate BEFORE TRUNCATE ON compliance_audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION compliance_refuse_change();
CREATE TRIGGER compliance_audit_checkpoint_no_update_or_delete BEFORE UPDATE OR DELETE ON compliance_audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION compliance_refuse_change();
CREATE TRIGGER compliance_audit_checkpoint_no_truncate BEFORE TRUNCATE ON compliance_audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION compliance_refuse_change();
CREATE TRIGGER compliance_audit_chain_no_update_or_delete BEFORE UPDATE OR DELETE ON compliance_audit_chain
    FOR EACH ROW EXECUTE FUNCTION compliance_refuse_change();

-- The transfer log's triggers (V002) let pruning through too, and only through the function.
CREATE OR REPLACE FUNCTION transfer_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('plenum.log_prune', true) = 'transfer_log' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'transfer_log is append-only: % is not allowed', TG_OP;
END;
$$;

-- Retention of the audit log (two years): removes the oldest entries, a prefix of the chain, never
-- one younger than two years by the database's clock and never the newest, and records where the
-- chain now starts, so that what remains stays verifiable. Runs as the owner (SECURITY DEFINER);
-- the runtime role may call it but cannot delete otherwise.
CREATE FUNCTION compliance_audit_prune(cut_off timestamptz, max_rows integer) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    oldest bigint;
    keep_from bigint;
    removed bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(418581342580); -- the appender's head lock ("audit")
    SELECT min(seq) INTO oldest FROM compliance_audit_entry;
    IF oldest IS NULL THEN
        RETURN 0;
    END IF;
    SELECT coalesce(min(seq), (SELECT max(seq) FROM compliance_audit_entry)) INTO keep_from
        FROM compliance_audit_entry WHERE recorded_at >= least(cut_off, now() - interval '2 years');
    keep_from := least(keep_from, oldest + greatest(max_rows, 0), (SELECT max(seq) FROM compliance_audit_entry));
    IF keep_from <= oldest THEN
        RETURN 0;
    END IF;
    PERFORM set_config('plenum.log_prune', 'compliance_audit_entry', true);
    DELETE FROM compliance_audit_entry WHERE seq < keep_from;
    GET DIAGNOSTICS removed = ROW_COUNT;
    PERFORM set_config('plenum.log_prune', '', true);
    INSERT INTO compliance_audit_checkpoint (first_seq, prev_hash, pruned_count)
        SELECT seq, prev_hash, removed FROM compliance_audit_entry WHERE seq = keep_from;
    RETURN removed;
END;
$$;

-- Retention of the transfer log (two years): the same floor, oldest first, at most max_rows, for one
-- tenant ('' = rows of no tenant; NULL = every tenant); rows another node is pruning are skipped.
CREATE FUNCTION transfer_log_prune(tenant varchar, cut_off timestamptz, max_rows integer) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    removed bigint;
BEGIN
    PERFORM set_config('plenum.log_prune', 'transfer_log', true);
    DELETE FROM transfer_log WHERE id IN (SELECT id FROM transfer_log
        WHERE occurred_at < least(cut_off, now() - interval '2 years')
          AND (tenant IS NULL OR coalesce(tenant_id, '') = tenant)
        ORDER BY id LIMIT greatest(max_rows, 0) FOR UPDATE SKIP LOCKED);
    GET DIAGNOSTICS removed = ROW_COUNT;
    PERFORM set_config('plenum.log_prune', '', true);
    RETURN removed;
END;
$$;

REVOKE ALL ON FUNCTION compliance_audit_prune(timestamptz, integer), transfer_log_prune(varchar, timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION compliance_audit_prune(timestamptz, integer), transfer_log_prune(varchar, timestamptz, integer)
    TO "${app_role}";

-- What the runtime role may do with the protected tables and Flyway's history. Skipped when the
-- app still runs as the owner (an install that has not split its roles yet): the owner keeps its
-- rights, and the triggers above are then the only barrier.
DO $$
BEGIN
    IF '${app_role}' <> current_user THEN
        REVOKE ALL ON compliance_audit_entry, compliance_audit_checkpoint, compliance_audit_chain, transfer_log,
            flyway_schema_history FROM "${app_role}";
        GRANT SELECT, INSERT ON compliance_audit_entry, transfer_log TO "${app_role}";
        GRANT SELECT ON compliance_audit_checkpoint, compliance_audit_chain, flyway_schema_history TO "${app_role}";
    END IF;
END $$;
