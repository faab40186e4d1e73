package eu.plenum.scheduling;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the mails to registrants, in the webinar's language; German in messages/mailtext_de.properties. */
@MessageBundle("mailtext")
public interface MailTexts {

    @Message("Hello {name},")
    String hello(String name);

    /** The greeting of mails to an address nobody confirmed yet: no text the requester chose. */
    @Message("Hello,")
    String hello_unconfirmed();

    @Message("Plenum — personal data hosted in the European Union")
    String footer();

    @Message("Or open:")
    String or_open();

    @Message("please confirm your registration for \"{title}\" by opening this link:")
    String confirm_intro(String title);

    @Message("Confirm my registration")
    String confirm_button();

    @Message("The link is valid for 7 days. If you did not register, ignore this mail: nothing happens without your confirmation.")
    String confirm_validity();

    @Message("you are registered for \"{title}\".")
    String registered_intro(String title);

    @Message("Sessions ({zone}):")
    String sessions_in(String zone);

    @Message("Your personal join link (do not share it):")
    String join_label();

    @Message("Your personal join link")
    String join_button();

    @Message("The attached invitation adds the sessions to your calendar.")
    String calendar_hint();

    @Message("about your registration for \"{title}\":")
    String status_intro(String title);

    @Message("All seats are taken: you are on the wait list, and we will write to you if a seat frees up.")
    String status_waitlisted();

    @Message("The host could not accept your registration this time.")
    String status_denied();

    @Message("Your registration is cancelled and your join link no longer works. The attached update removes the sessions from your calendar.")
    String status_cancelled();

    @Message("The host reviews registrations: you will hear from us when yours is approved.")
    String status_pending();

    @Message("the webinar \"{title}\" is cancelled. The attached update removes it from your calendar.")
    String changed_cancelled(String title);

    @Message("the webinar \"{title}\" has changed. The sessions are now ({zone}):")
    String changed_intro(String title, String zone);

    @Message("The attached invitation updates your calendar. Your personal join link stays the same.")
    String changed_hint();

    @Message("a reminder: \"{title}\" starts on {start} ({zone}).")
    String reminder_intro(String title, String start, String zone);

    @Message("Join with the personal link from your registration e-mail. The webinar's page:")
    String reminder_join();

    @Message("Confirm your registration: {title}")
    String subject_confirm(String title);

    @Message("You are registered: {title}")
    String subject_registered(String title);

    @Message("Your registration: {title}")
    String subject_status(String title);

    @Message("Registration cancelled: {title}")
    String subject_registration_cancelled(String title);

    @Message("Changed: {title}")
    String subject_changed(String title);

    @Message("Cancelled: {title}")
    String subject_cancelled(String title);

    @Message("Reminder: {title}")
    String subject_reminder(String title);
}
