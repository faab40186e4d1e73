package eu.plenum.shared.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the page shell (layout, public pages, error pages); German in messages/msg_de.properties. */
@MessageBundle("msg")
public interface ShellMessages {

    @Message("Webinars that stay in Europe")
    String tagline();

    @Message("Schedule webinars, go live from the browser and let thousands watch, chat, ask and vote. Every byte of personal data stays in the EU.")
    String home_lead();

    @Message("Sign in")
    String sign_in();

    @Message("Sign out")
    String sign_out();

    @Message("Dashboard")
    String nav_dashboard();

    @Message("Console")
    String nav_console();

    @Message("Webinars")
    String nav_webinars();

    @Message("API")
    String nav_api();

    @Message("Language")
    String language();

    @Message("Go to your dashboard")
    String home_to_dashboard();

    @Message("Live from the browser")
    String feature_live_title();

    @Message("Present camera and screen over WebRTC, or stream from OBS through WHIP.")
    String feature_live_text();

    @Message("Engage your audience")
    String feature_engage_title();

    @Message("Chat, questions, polls and raised hands, moderated by the host.")
    String feature_engage_text();

    @Message("Sovereign by design")
    String feature_eu_title();

    @Message("EU-only data residency, enforced by the platform and provable to your auditor.")
    String feature_eu_text();

    @Message("Personal data hosted in the European Union")
    String footer_residency();

    @Message("Something went wrong")
    String error_title();

    @Message("Error {status}")
    String error_status(int status);

    @Message("Reference")
    String error_reference();

    @Message("Back to the start page")
    String error_home();

    @Message("You are signed in, but this page is not for your role.")
    String error_forbidden();

    @Message("Your account is not linked to an organisation yet. Ask your Plenum administrator to assign you to a tenant, then sign in again.")
    String error_no_tenant();

    @Message("No organisation assigned")
    String error_no_tenant_title();
}
