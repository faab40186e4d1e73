package eu.plenum.media;

/** What erasing a person does with the recordings in which they published, chosen per tenant (default DELETE). */
public enum RecordingErasurePolicy {
    /** Erased with the person: every file, at the home site and at each backup, is deleted. */
    DELETE,
    /** Kept, unpublished and flagged, until the tenant's staff decide. */
    REVIEW
}
