-- A dispatcher claims due mails in a short transaction (SENDING, with the claim's time and id),
-- sends them outside any transaction and records the outcome in another short one. A claim older
-- than the claim timeout is taken again (the node died mid-send). After the last attempt a mail
-- is DEAD: never retried, counted on /q/health and in the console.
ALTER TABLE mail_outbox ADD COLUMN status varchar(8) NOT NULL DEFAULT 'PENDING'
    CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'DEAD'));
ALTER TABLE mail_outbox ADD COLUMN claimed_at timestamptz;
ALTER TABLE mail_outbox ADD COLUMN claim_id uuid;
UPDATE mail_outbox SET status = 'SENT' WHERE sent_at IS NOT NULL;
DROP INDEX mail_outbox_due;
CREATE INDEX mail_outbox_due ON mail_outbox (send_after) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX mail_outbox_dead ON mail_outbox (status) WHERE status = 'DEAD';
