package eu.plenum.console.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the console; German in messages/console_de.properties. */
@MessageBundle("console")
public interface ConsoleMessages {

    @Message("Console")
    String title();

    @Message("Operate the platform: tenants, regions, media workers and compliance.")
    String lead();

    @Message("Tenants")
    String tenants_title();

    @Message("No tenants registered yet.")
    String tenants_empty();

    @Message("Id")
    String tenant_id();

    @Message("Name")
    String tenant_name();

    @Message("Home region")
    String tenant_region();

    @Message("This node")
    String node_title();

    @Message("Roles")
    String node_roles();

    @Message("Operations")
    String ops_title();

    @Message("Health")
    String ops_health();

    @Message("Metrics (Prometheus)")
    String ops_metrics();

    @Message("API reference")
    String ops_api();
}
