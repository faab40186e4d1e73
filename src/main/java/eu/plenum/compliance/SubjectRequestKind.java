package eu.plenum.compliance;

/** What a data subject asks for: a copy of their data (Art. 15/20) or its erasure (Art. 17). */
public enum SubjectRequestKind {
    ACCESS, ERASURE;

    /** The kind named in a form or JSON body, case-insensitive; empty for anything else. */
    public static java.util.Optional<SubjectRequestKind> parse(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        for (SubjectRequestKind kind : values()) {
            if (kind.name().equalsIgnoreCase(text.strip())) {
                return java.util.Optional.of(kind);
            }
        }
        return java.util.Optional.empty();
    }
}
