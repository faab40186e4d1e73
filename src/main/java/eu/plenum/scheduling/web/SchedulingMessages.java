package eu.plenum.scheduling.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the host pages; German in messages/sched_de.properties. */
@MessageBundle("sched")
public interface SchedulingMessages {

    @Message("Dashboard")
    String dashboard_title();

    @Message("Welcome, {name}")
    String dashboard_welcome(String name);

    @Message("Organisation")
    String tenant_label();

    @Message("Home region")
    String tenant_region();

    @Message("Upcoming webinars")
    String upcoming_title();

    @Message("No webinars scheduled yet.")
    String upcoming_empty();

    @Message("Scheduled webinars, their registrations and join links will be listed here.")
    String upcoming_hint();

    @Message("Recent recordings")
    String recordings_title();

    @Message("No recordings yet.")
    String recordings_empty();

    @Message("Recordings of your live sessions appear here once a session ends.")
    String recordings_hint();

    @Message("Upcoming webinars")
    String stat_webinars();

    @Message("Upcoming sessions")
    String stat_sessions();

    @Message("Webinars")
    String webinars_title();

    @Message("Upcoming")
    String webinars_upcoming();

    @Message("Past and cancelled")
    String webinars_past();

    @Message("Schedule a webinar")
    String webinars_new();

    @Message("No webinars here yet.")
    String webinars_empty();

    @Message("Title")
    String col_title();

    @Message("Next session")
    String col_next();

    @Message("Sessions")
    String col_sessions();

    @Message("Registration")
    String col_mode();

    @Message("Status")
    String col_status();

    @Message("Times in {zone}")
    String times_in(String zone);

    @Message("Schedule a webinar")
    String form_new_title();

    @Message("Edit webinar")
    String form_edit_title();

    @Message("Please correct the marked fields.")
    String form_errors();

    @Message("Title")
    String field_title();

    @Message("Description")
    String field_description();

    @Message("Speakers (one per line)")
    String field_speakers();

    @Message("Language")
    String field_language();

    @Message("Time zone")
    String field_time_zone();

    @Message("Start (local time in that zone)")
    String field_start();

    @Message("Duration in minutes")
    String field_duration();

    @Message("Repeats")
    String field_recurrence();

    @Message("Number of sessions")
    String field_recurrence_count();

    @Message("or until (date)")
    String field_recurrence_until();

    @Message("Seats")
    String field_capacity();

    @Message("Registration")
    String field_mode();

    @Message("Recording")
    String field_recording();

    @Message("Registration questions")
    String field_questions();

    @Message("Question")
    String field_question_label();

    @Message("Answer")
    String field_question_kind();

    @Message("required")
    String field_question_required();

    @Message("Choices (one per line)")
    String field_question_choices();

    @Message("Does not repeat")
    String recurrence_NONE();

    @Message("Daily")
    String recurrence_DAILY();

    @Message("Weekly")
    String recurrence_WEEKLY();

    @Message("Monthly")
    String recurrence_MONTHLY();

    @Message("Open: everyone who confirms")
    String mode_OPEN();

    @Message("Approval by the host")
    String mode_APPROVAL();

    @Message("Closed")
    String mode_CLOSED();

    @Message("Not recorded")
    String recording_OFF();

    @Message("Recorded; attendees are told and asked for consent")
    String recording_ON_WITH_CONSENT();

    @Message("Text")
    String kind_TEXT();

    @Message("One choice")
    String kind_SINGLE_CHOICE();

    @Message("Several choices")
    String kind_MULTIPLE_CHOICE();

    @Message("Save")
    String save();

    @Message("Back")
    String cancel_edit();

    @Message("Edit")
    String edit();

    @Message("Cancel webinar")
    String cancel_webinar();

    @Message("Cancel session")
    String cancel_session();

    @Message("Move")
    String move_session();

    @Message("Scheduled")
    String status_SCHEDULED();

    @Message("Cancelled")
    String status_CANCELLED();

    @Message("moved")
    String moved();

    @Message("Sessions")
    String detail_sessions();

    @Message("Registration questions")
    String detail_questions();

    @Message("Only name and e-mail are asked.")
    String detail_no_questions();

    @Message("{capacity} seats")
    String detail_seats(int capacity);

    @Message("{minutes} min")
    String detail_minutes(int minutes);

    @Message("Your calendar feed")
    String feed_title();

    @Message("Subscribe in your calendar app to see every session you host, kept up to date. Keep the address secret: it is the only key.")
    String feed_hint();

    @Message("Copy it now: Plenum stores only a fingerprint and cannot show it again.")
    String feed_once();

    @Message("Create a new feed address")
    String feed_rotate();

    @Message("Add to calendar")
    String download_ics();

    @Message("Registrants")
    String registrants_title();

    @Message("Registration page")
    String public_page();

    @Message("Search name or e-mail")
    String search();

    @Message("Approve selected")
    String approve();

    @Message("Deny selected")
    String deny();

    @Message("Download CSV")
    String csv();

    @Message("Revoke join link")
    String revoke();

    @Message("link revoked")
    String revoked();

    @Message("No registrations yet.")
    String no_registrants();

    @Message("Name")
    String col_name();

    @Message("E-mail")
    String col_email();

    @Message("Recording consent")
    String col_consent();

    @Message("Answers")
    String col_answers();

    @Message("{changed} of {total} changed.")
    String decided(long changed, int total);

    @Message("Reminders, minutes before each session (comma-separated)")
    String field_reminders();
}
