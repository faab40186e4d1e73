-- Suspension of a tenant by an operator (console, issue 17): while suspended_at is set, the tenant's hosts and
-- administrators are refused on their next request and at go-live, and its attendees see a clear page. Nothing
-- of the tenant is deleted; reactivation clears both columns. Who did it, when and from where is in the audit log.
ALTER TABLE tenant ADD COLUMN suspended_at timestamptz;
-- A code from a fixed list, never free text: the audit log and this column hold no personal data.
ALTER TABLE tenant ADD COLUMN suspension_reason varchar(32)
    CHECK (suspension_reason IN ('payment', 'contract-ended', 'abuse', 'security', 'other'));
ALTER TABLE tenant ADD CONSTRAINT tenant_suspension_complete CHECK ((suspended_at IS NULL) = (suspension_reason IS NULL));
