-- Who may watch a webinar (issue 12): REGISTRATION (personal join links, the default) or OPEN
-- (anyone with the webinar's public watch link, no account and no personal data collected).
ALTER TABLE webinar ADD COLUMN access_mode varchar(16) NOT NULL DEFAULT 'REGISTRATION'
    CHECK (access_mode IN ('REGISTRATION', 'OPEN'));
