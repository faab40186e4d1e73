package eu.plenum.residency;

/** One entry of the region catalogue. */
public record Region(
        String code,
        String city,
        String country,
        Jurisdiction jurisdiction,
        String adequacyDecision,
        String provider,
        String datacenter) {

    /** "eu-waw (Warsaw, PL)": how messages and reports name a region. */
    public String label() {
        return code + " (" + city + ", " + country + ")";
    }
}
