package eu.plenum.audience;

import eu.plenum.scheduling.RegistrantCsv;
import java.util.List;

/** The attendance report as CSV, formula-safe like the registrant list (every field quoted, formulas defused). */
public final class AttendanceCsv {

    private AttendanceCsv() {
    }

    public static String write(AttendanceReports.Report report) {
        StringBuilder csv = new StringBuilder();
        row(csv, List.of("name", "email", "first_join", "last_leave", "minutes_attended", "devices", "questions_asked", "polls_answered"));
        for (AttendanceReports.Attendee attendee : report.attendees()) {
            row(csv, List.of(attendee.name(), attendee.email(), attendee.firstJoin().toString(), attendee.lastLeave().toString(),
                    String.valueOf(attendee.minutesAttended()), String.valueOf(attendee.devices()),
                    attendee.questionsAsked() == null ? "" : String.valueOf(attendee.questionsAsked()),
                    attendee.pollsAnswered() == null ? "" : String.valueOf(attendee.pollsAnswered())));
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, List<String> fields) {
        csv.append(String.join(",", fields.stream().map(RegistrantCsv::field).toList())).append("\r\n");
    }
}
