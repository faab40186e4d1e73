-- Links are derived, not stored: a confirmation or join token is an HMAC (key in the node's
-- configuration, never in the database) of the registration id, the purpose and a version.
-- Rotating a link raises its version; a database dump holds no working link.
-- Links issued before this change were random tokens known only by their hash: they stop working.
ALTER TABLE registration DROP COLUMN confirm_token_hash;
ALTER TABLE registration DROP COLUMN join_token_hash;
ALTER TABLE registration ADD COLUMN confirm_version integer NOT NULL DEFAULT 0;
ALTER TABLE registration ADD COLUMN join_version integer NOT NULL DEFAULT 0;
-- Mails that a public registration request triggers for this address (at most N per day).
ALTER TABLE registration ADD COLUMN mail_day date;
ALTER TABLE registration ADD COLUMN mails_on_day integer NOT NULL DEFAULT 0;
