package eu.plenum.scheduling;

/** Whether sessions are recorded; when they are, attendees are told and asked for consent. */
public enum RecordingPolicy {
    OFF, ON_WITH_CONSENT
}
