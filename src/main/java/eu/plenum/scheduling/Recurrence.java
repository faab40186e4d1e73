package eu.plenum.scheduling;

/** How a webinar repeats; each occurrence becomes a session of its own. */
public enum Recurrence {
    NONE, DAILY, WEEKLY, MONTHLY
}
