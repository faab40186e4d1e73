package eu.plenum.audience.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of attendance: the host's report page and the attendee's notice; German in messages/att_de.properties. */
@MessageBundle("att")
public interface AttendanceMessages {

    @Message("Attendance")
    String attendance_link();

    @Message("Attendance report")
    String attendance_title();

    @Message("live")
    String attendance_live();

    @Message("final")
    String attendance_final();

    @Message("provisional")
    String attendance_provisional();

    @Message("Download CSV")
    String attendance_csv();

    @Message("Registrations and attendance")
    String attendance_funnel();

    @Message("Registrations")
    String attendance_registrations();

    @Message("Seats")
    String attendance_seats();

    @Message("Attended")
    String attendance_attended();

    @Message("Attendees over time")
    String attendance_over_time();

    @Message("Nobody has attended this session yet.")
    String attendance_nobody();

    @Message("Name")
    String attendance_name();

    @Message("E-mail")
    String attendance_email();

    @Message("First joined")
    String attendance_first_join();

    @Message("Last left")
    String attendance_last_leave();

    @Message("Minutes")
    String attendance_minutes();

    @Message("Devices")
    String attendance_devices();

    @Message("Questions")
    String attendance_questions();

    @Message("Polls answered")
    String attendance_polls();

    @Message("{registrations} registrations, {seats} seats, {attended} attended")
    String attendance_funnel_text(int registrations, int seats, int attended);

    @Message("While this page is open, {organisation} sees that you attend: when you joined and left, for its attendance report.")
    String attendance_notice(String organisation);
}
