/**
 * Outgoing e-mail: a transactional outbox that other contexts write to in their own transaction,
 * and the scheduled dispatcher that claims due mail in a short transaction, sends it through the
 * SMTP relay outside any transaction (after the residency transfer guard allowed it, rendering
 * personal-link placeholders only then) and records the outcome; retries end in a DEAD state
 * that /q/health and a metric count.
 *
 * <p>Owns the {@code mail_outbox} table (recipients and bodies are personal data, exported and erased
 * per person by {@code MailPersonalData}). Uses {@code residency}
 * and {@code shared}.
 */
package eu.plenum.mail;
