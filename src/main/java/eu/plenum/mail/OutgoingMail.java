package eu.plenum.mail;

import java.time.Instant;

/**
 * A mail to send. {@code dedupeKey} names its purpose (e.g. {@code confirm:<registration>}): a
 * second mail with the same key is never queued.
 *
 * @param calendar an iCalendar object to attach, or null
 * @param calendarMethod its iTIP method (REQUEST, CANCEL, PUBLISH), or null
 */
public record OutgoingMail(String tenantId, String dedupeKey, String recipient, String subject, String bodyText,
        String bodyHtml, String calendar, String calendarMethod, Instant sendAfter) {
}
