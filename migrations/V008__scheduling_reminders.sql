-- Minutes before each session at which registrants are reminded (comma-separated, largest first).
ALTER TABLE webinar ADD COLUMN reminder_minutes varchar(40) NOT NULL DEFAULT '1440,60';
