package eu.plenum.consent;

/** Who withdrew a consent: kept with the record so that an export shows how a consent ended. */
public enum WithdrawalSource {
    /** The data subject, from the page behind their personal link. */
    SUBJECT,
    /** A compliance officer, recording a withdrawal the person made to them. */
    OFFICER
}
