package eu.plenum.consent;

/** What a record says the subject was shown or agreed to. */
public enum ConsentKind {
    /** The privacy notice of registration was acknowledged. */
    PRIVACY_NOTICE,
    /** The recording notice (information under Art. 13) was shown when the subject entered a recorded session. */
    RECORDING_NOTICE_SHOWN,
    /** Consent to what puts the subject's own data into a recording (on stage, name shown with a question); never needed to watch. */
    RECORDING_CONSENT;

    /** Whether the subject can withdraw it: a consent can (Art. 7(3)); a notice acknowledged or shown is a fact, not a consent. */
    public boolean withdrawable() {
        return this == RECORDING_CONSENT;
    }
}
