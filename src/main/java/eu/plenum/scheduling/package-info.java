/**
 * Scheduling: webinars, their sessions and registrations, and the host's dashboard.
 *
 * <p>Will own the webinar, session and registration tables (personal data of registrants, so it
 * implements the compliance export/erase contract). Uses {@code identity} (the current host and
 * tenant) and {@code shared}.
 */
package eu.plenum.scheduling;
