package eu.plenum.shared;

/**
 * The tamper-evident log of what staff did with personal data and with the platform's settings
 * (reads, exports, erasures, retention runs, role and configuration changes, console sign-ins).
 * Declared here so that every context can write to it; the compliance context keeps the chain.
 */
public interface AuditTrail {

    /**
     * Appends one entry in the caller's transaction, so that the entry exists exactly when what it
     * records happened. No argument may hold personal data in clear: actors are account ids,
     * people are {@link SubjectKeys} hashes, targets are ids — erasing a person never breaks the chain.
     */
    void record(AuditEntry entry);

    /**
     * Appends one entry in a transaction of its own, committed at once: for acts whose own
     * transaction fails or does not exist, such as a refused request (the refusal rolls the
     * request's work back, the record of the attempt must stay) or a sign-in.
     */
    void recordAlone(AuditEntry entry);
}
