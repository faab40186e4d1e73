package eu.plenum.scheduling;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * RFC 4180 CSV of registrants for spreadsheets. Every field is quoted; a field that a spreadsheet
 * would run as a formula (starting with = + - @, tab or carriage return) gets a leading apostrophe.
 */
public final class RegistrantCsv {

    private static final Pattern FORMULA_START = Pattern.compile("^[=+\\-@\\t\\r].*", Pattern.DOTALL);

    private RegistrantCsv() {
    }

    public static String write(List<RegistrantView> registrants, List<String> questionLabels) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("Name", "E-mail", "Status", "Recording consent", "Registered at"));
        header.addAll(questionLabels);
        row(csv, header);
        for (RegistrantView registrant : registrants) {
            List<String> fields = new ArrayList<>(List.of(registrant.name(), registrant.email(), registrant.status(),
                    registrant.recordingConsent() ? "yes" : "no", registrant.registeredAt().toString()));
            questionLabels.forEach(label -> fields.add(registrant.answers().getOrDefault(label, "")));
            row(csv, fields);
        }
        return csv.toString();
    }

    /** One CSV field, quoted, with a leading apostrophe before anything a spreadsheet would run as a formula. */
    public static String field(String value) {
        String safe = value == null ? "" : value;
        if (FORMULA_START.matcher(safe).matches()) {
            safe = "'" + safe;
        }
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static void row(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            csv.append(i == 0 ? "" : ",").append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }
}
