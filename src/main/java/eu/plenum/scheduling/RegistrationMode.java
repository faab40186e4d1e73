package eu.plenum.scheduling;

/** Who gets a seat: everyone who confirms, those the host approves, or nobody (closed). */
public enum RegistrationMode {
    OPEN, APPROVAL, CLOSED
}
