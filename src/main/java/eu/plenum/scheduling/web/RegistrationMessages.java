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

    @Message("Privacy notice: we use your name, e-mail address and answers only to run this webinar for its host (registration, reminders, attendance). The data is stored in the European Union and deleted under the host's retention rules; you can ask for a copy or its erasure at any time.")
    String privacy_notice();

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
