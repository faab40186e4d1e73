/**
 * Outgoing e-mail: a transactional outbox that other contexts write to in their own transaction,
 * and the scheduled dispatcher that sends each mail once through the SMTP relay, after the
 * residency transfer guard allowed it.
 *
 * <p>Owns the {@code mail_outbox} table (recipients are personal data). Uses {@code residency}
 * and {@code shared}.
 */
package eu.plenum.mail;
