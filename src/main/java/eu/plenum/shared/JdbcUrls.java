package eu.plenum.shared;

/**
 * JDBC URLs as Plenum connects with them: always with {@code logServerErrorDetail=false}, so that
 * pgjdbc leaves PostgreSQL's DETAIL (which quotes the refused row: addresses, names) out of every
 * exception message, and therefore out of every log line that prints one.
 */
public final class JdbcUrls {

    static final String PARAMETER = "logServerErrorDetail";

    private JdbcUrls() {
    }

    /** The URL (single- or multi-host) with the parameter set to false, whatever it said before. */
    public static String withoutServerErrorDetail(String url) {
        String cleaned = url.replaceAll("([?&])" + PARAMETER + "=[^&]*(&|$)", "$1");
        String separator = cleaned.endsWith("?") || cleaned.endsWith("&") ? "" : cleaned.contains("?") ? "&" : "?";
        return cleaned + separator + PARAMETER + "=false";
    }
}
