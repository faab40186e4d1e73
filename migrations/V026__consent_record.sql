-- One model for every consent and notice of a data subject (issue 12): the privacy notice a
-- registrant acknowledged, that the recording notice (GDPR Art. 13) was shown when they entered a
-- recorded session, and consent to things that put their own data into a recording (brought on
-- stage, name shown with a question). The subject is a registration or an open-viewer session (a
-- random id, no person behind it in the database). Replaces registration.recording_consent; the
-- compliance work exports, erases and audits these rows and defines no model of its own.
CREATE TABLE consent_record (
    id              uuid          PRIMARY KEY,
    subject_kind    varchar(16)   NOT NULL CHECK (subject_kind IN ('REGISTRATION', 'OPEN_VIEWER')),
    subject_id      uuid          NOT NULL,
    webinar_id      uuid          NOT NULL REFERENCES webinar (id) ON DELETE CASCADE,
    kind            varchar(32)   NOT NULL CHECK (kind IN ('PRIVACY_NOTICE', 'RECORDING_NOTICE_SHOWN', 'RECORDING_CONSENT')),
    -- Which text the subject saw or agreed to (raise it whenever the text changes).
    notice_version  varchar(64)   NOT NULL,
    given_at        timestamptz   NOT NULL,
    withdrawn_at    timestamptz
);

-- One standing record per subject, kind and text version: entering twice stores the notice once.
CREATE UNIQUE INDEX consent_record_standing ON consent_record (subject_id, kind, notice_version) WHERE withdrawn_at IS NULL;
CREATE INDEX consent_record_webinar ON consent_record (webinar_id, kind);

-- Existing registrations: their privacy acknowledgement and their recording consent become records.
INSERT INTO consent_record (id, subject_kind, subject_id, webinar_id, kind, notice_version, given_at)
SELECT gen_random_uuid(), 'REGISTRATION', id, webinar_id, 'PRIVACY_NOTICE', 'privacy-notice-v1', privacy_acknowledged_at
FROM registration;
INSERT INTO consent_record (id, subject_kind, subject_id, webinar_id, kind, notice_version, given_at)
SELECT gen_random_uuid(), 'REGISTRATION', id, webinar_id, 'RECORDING_CONSENT', 'recording-consent-v1', created_at
FROM registration WHERE recording_consent;

ALTER TABLE registration DROP COLUMN recording_consent;
