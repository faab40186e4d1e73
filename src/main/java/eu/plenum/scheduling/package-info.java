/**
 * Scheduling: webinars, their sessions and registrations, calendars, the host's dashboard.
 *
 * <p>Owns the webinar, session, calendar-feed and registration tables (registrants' personal data,
 * exported and erased per person by {@code RegistrationPersonalData} and {@code RegistrationAnswerPersonalData};
 * {@code Registrations.idsOf} finds a person's registrations by address). Mailed links are HMAC-derived at send
 * time ({@code shared.LinkTokens}), never stored. Tells other contexts what happened through events
 * in its root package ({@code SessionsCancelled}: media ends the rooms; {@code RegistrationWithdrawn}: the
 * audience ends attendee sessions). Uses {@code consent} (privacy acknowledgement and recording consent
 * are consent records), {@code identity} (the current host and tenant), {@code mail} (the outbox), {@code quotas} (the registrations quota, checked under the webinar's row lock; it measures the usage) and
 * {@code shared}.
 */
package eu.plenum.scheduling;
