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

    @Message("Registrants")
    String stat_registrants();

    @Message("Webinars")
    String stat_webinars();

    @Message("Hours live")
    String stat_hours();
}
