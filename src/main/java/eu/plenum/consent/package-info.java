/**
 * Consent: the one record of what a data subject was shown and agreed to — privacy notice,
 * recording notice shown (GDPR Art. 13), recording consent (Art. 6(1)(a), 7) — with the text version
 * and when it was given or withdrawn. The subject is a registration or an open-viewer session (an
 * opaque id). Owns the {@code consent_record} table; {@code scheduling} and {@code audience} write
 * it; {@code ConsentRecordPersonalData} exports and erases a person's records (auditing is the
 * compliance work's). Uses {@code shared} only.
 */
package eu.plenum.consent;
