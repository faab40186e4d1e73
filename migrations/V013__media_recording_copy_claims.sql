-- A copy or a live mirror is claimed by one app node for a while (claim token and lease), then the
-- file is copied with no transaction open, then the outcome is recorded if the claim still holds.
-- A node that dies mid-copy leaves a claim that expires; another node takes the copy over.
ALTER TABLE recording_copy ADD COLUMN claim_token uuid;
ALTER TABLE recording_copy ADD COLUMN claimed_until timestamptz;
