package eu.plenum.compliance.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the privacy-request pages and the officer's queue; German in messages/compl_de.properties. */
@MessageBundle("compl")
public interface ComplianceMessages {

    @Message("Your data-protection request")
    String ask_title();

    @Message("Ask for a copy of your personal data or for its erasure. Enter the e-mail address you registered with: we send a link to it that proves the address is yours.")
    String ask_lead();

    @Message("E-mail address")
    String ask_email();

    @Message("What do you ask for?")
    String ask_kind();

    @Message("A copy of my personal data (access, Art. 15 GDPR)")
    String ask_access();

    @Message("The erasure of my personal data (Art. 17 GDPR)")
    String ask_erasure();

    @Message("Send the link")
    String ask_button();

    @Message("Check your inbox")
    String asked_title();

    @Message("If the address can receive mail, a message with a confirmation link is on its way. Open it and press the button to pass your request on. The link works for 24 hours.")
    String asked_text();

    @Message("Confirm your request")
    String confirm_title();

    @Message("Press the button to pass your request on to the organisers of every webinar you registered for with this address. Each answers within one month.")
    String confirm_lead();

    @Message("Request: {kind}")
    String confirm_kind(String kind);

    @Message("Pass my request on")
    String confirm_button();

    @Message("Thank you")
    String confirmed_title();

    @Message("Your request has been passed on to the organisers of every webinar you registered for with this address. Each will answer you within one month.")
    String confirmed_text();

    @Message("Data-subject requests")
    String queue_title();

    @Message("Access and erasure requests of your tenants, with their one-month deadline (Art. 12(3) GDPR).")
    String queue_lead();

    @Message("New request")
    String queue_new();

    @Message("Tenant")
    String queue_tenant();

    @Message("Kind")
    String queue_kind();

    @Message("E-mail address")
    String queue_email();

    @Message("State")
    String queue_state();

    @Message("Source")
    String queue_source();

    @Message("Received")
    String queue_received();

    @Message("Deadline")
    String queue_deadline();

    @Message("Export")
    String queue_export();

    @Message("Open request")
    String queue_open();

    @Message("Run export")
    String queue_run();

    @Message("Download ZIP")
    String queue_download();

    @Message("Erasure job: POST /api/compliance/erasures with requestId")
    String queue_erase();

    @Message("No requests yet.")
    String queue_empty();

    @Message("closed")
    String queue_closed();
}
