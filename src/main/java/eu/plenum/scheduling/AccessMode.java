package eu.plenum.scheduling;

/** Who may watch: registrants with their personal join link, or anyone with the webinar's public watch link. */
public enum AccessMode {
    REGISTRATION, OPEN
}
