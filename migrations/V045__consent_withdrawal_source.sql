-- Consent withdrawal (issue 14): who withdrew a record — the data subject from their personal link,
-- or a compliance officer on the person's behalf. Kept with withdrawn_at so that an export and an
-- audit show when and how a consent ended (Art. 7(1), 7(3)); records withdrawn before stay NULL.
ALTER TABLE consent_record ADD COLUMN withdrawn_by varchar(16) CHECK (withdrawn_by IN ('SUBJECT', 'OFFICER'));
