package eu.plenum.scheduling.domain;

/** Where a registration stands; only REGISTERED holds a seat and a join link. */
public enum RegistrationStatus {
    /** Submitted; waits for the e-mailed confirmation link (double opt-in). */
    UNCONFIRMED,
    /** Confirmed and holding a seat. */
    REGISTERED,
    /** Confirmed, but every seat was taken. */
    WAITLISTED,
    /** Confirmed; the host has to approve. */
    PENDING_APPROVAL,
    DENIED,
    CANCELLED
}
