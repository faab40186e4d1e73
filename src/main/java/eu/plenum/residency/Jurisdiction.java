package eu.plenum.residency;

/** Legal standing of a region's country for personal data from the EU. */
public enum Jurisdiction {
    /** A member state of the European Union. */
    EU,
    /** Iceland, Liechtenstein, Norway: the GDPR applies through the EEA agreement. */
    EEA,
    /** A country with an adequacy decision of the European Commission (Art. 45 GDPR). */
    ADEQUATE,
    /** Any other country. Personal data never rests there. */
    THIRD_COUNTRY
}
