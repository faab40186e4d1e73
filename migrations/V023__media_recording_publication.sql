-- A host publishes a finished recording to the webinar's attendees (or takes it back): only then
-- do attendee pages list and play it.
ALTER TABLE recording ADD COLUMN published_at timestamptz;
