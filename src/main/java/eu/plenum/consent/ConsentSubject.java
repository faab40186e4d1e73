package eu.plenum.consent;

import java.util.UUID;

/** Whose record it is: a registration, or an open-viewer session (a random id with nobody named behind it). */
public record ConsentSubject(Kind kind, UUID id) {

    public enum Kind { REGISTRATION, OPEN_VIEWER }

    public static ConsentSubject registration(UUID registrationId) {
        return new ConsentSubject(Kind.REGISTRATION, registrationId);
    }
}
