package eu.plenum.scheduling.domain;

/** Lifecycle of a webinar and of each of its sessions. */
public enum WebinarStatus {
    SCHEDULED, CANCELLED
}
