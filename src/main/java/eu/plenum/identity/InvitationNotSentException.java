package eu.plenum.identity;

import eu.plenum.shared.PlenumException;

/** Keycloak could not send the invitation mail; the half-made account was removed again, so the invitation can be repeated. */
public class InvitationNotSentException extends PlenumException {

    public InvitationNotSentException() {
        super("invitation-not-sent", "The invitation could not be sent (the identity store or its mail relay failed); "
                + "nothing was kept. Try again.");
    }

    @Override
    public int status() {
        return 503;
    }
}
