/**
 * Consent: the one record of what a data subject was shown and agreed to — privacy notice,
 * recording notice shown (GDPR Art. 13), recording consent (Art. 6(1)(a), 7) — with the text version
 * and when it was given or withdrawn. The subject is a registration or an open-viewer session (an
 * opaque id). Owns the {@code consent_record} table; {@code scheduling} and {@code audience} write
 * it; {@code ConsentWithdrawals} withdraws a person's consent (by the person from their join link, or
 * by an officer: {@code withdrawn_by}) and audits it as {@code consent.withdrawn} with the person's
 * keyed hash; {@code ConsentRecordPersonalData} exports and erases a person's records, withdrawn ones
 * included. Uses {@code shared} only.
 */
package eu.plenum.consent;
