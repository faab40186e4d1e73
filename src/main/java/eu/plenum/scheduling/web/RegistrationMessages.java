package eu.plenum.scheduling.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the attendee pages; German in messages/reg_de.properties. */
@MessageBundle("reg")
public interface RegistrationMessages {

    @Message("Register")
    String register_title();

    @Message("Sessions")
    String sessions();

    @Message("Times in {zone}")
    String times_in(String zone);

    @Message("Your name")
    String field_name();

    @Message("Your e-mail address")
    String field_email();

    @Message("Privacy notice: we use your name, e-mail address and answers only to run this webinar for its host (registration, reminders, attendance). The data is stored in the European Union.")
    String privacy_notice();

    @Message("It is copied to a backup site in another EU data centre, so that the webinar survives the loss of one.")
    String privacy_backup_site();

    @Message("An unconfirmed registration is deleted {days} days after it was made.")
    String retention_unconfirmed(int days);

    @Message("A confirmed registration (name, address, answers) is kept until you or the host ask for its erasure.")
    String retention_registration();

    @Message("The text of each e-mail we send you is deleted {days} day(s) after delivery; that it was sent is kept.")
    String retention_mail(int days);

    @Message("Chat messages, questions, poll votes and raised hands are deleted {days} days after the session.")
    String retention_interaction(int days);

    @Message("Chat messages, questions, poll votes and raised hands are kept until you or the host ask for their erasure.")
    String retention_interaction_kept();

    @Message("When you joined and left a session is deleted {days} days after you left.")
    String retention_attendance(int days);

    @Message("When you joined and left a session is kept until you or the host ask for its erasure.")
    String retention_attendance_kept();

    @Message("Recordings are deleted {days} days after the session.")
    String retention_recording(int days);

    @Message("Recordings are kept until the host deletes them.")
    String retention_recording_kept();

    @Message("You can ask for a copy of your data or for its erasure at any time.")
    String retention_rights();

    @Message("An erasure reaches the backup site's copies too.")
    String retention_rights_backup();

    @Message("Erased data may survive in database backups until those expire (after at most {days} days); if a backup is ever restored, every erasure is applied again before it serves anyone.")
    String retention_backups(long days);

    @Message("I have read the privacy notice.")
    String privacy_ack();

    @Message("This webinar is recorded.")
    String recording_notice();

    @Message("I agree to be recorded when I speak, share my camera or post in the chat (optional).")
    String recording_consent();

    @Message("Register")
    String submit();

    @Message("Please correct the marked fields.")
    String form_errors();

    @Message("Check your inbox")
    String check_title();

    @Message("We sent you a link to confirm your registration for {title}. Your seat counts once you open it.")
    String check_text(String title);

    @Message("You are on the wait list: all seats are taken. We will write to you if a seat frees up.")
    String confirmed_waitlisted();

    @Message("Thank you. The host reviews registrations; you will hear from us when yours is approved.")
    String confirmed_pending();

    @Message("Your registration is already confirmed. Your personal join link is in your e-mail.")
    String confirmed_done();

    @Message("Registration")
    String confirmed_title();

    @Message("You are registered")
    String join_title();

    @Message("Welcome, {name}.")
    String join_hello(String name);

    @Message("This is your personal join link. Keep it: it lets you in on the day. Do not share it.")
    String join_personal();

    @Message("Add to calendar")
    String join_calendar();

    @Message("You agreed to be recorded.")
    String join_consent_yes();

    @Message("Cancel my registration")
    String join_cancel();

    @Message("Your registration is cancelled. Thank you for freeing your seat.")
    String confirmed_cancelled();

    @Message("Confirm your registration")
    String confirm_title();

    @Message("To confirm your registration for \"{title}\", press the button.")
    String confirm_lead(String title);

    @Message("Confirm my registration")
    String confirm_button();
}
