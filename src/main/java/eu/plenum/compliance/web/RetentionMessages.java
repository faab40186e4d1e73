package eu.plenum.compliance.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the retention and register console page; German in messages/ret_de.properties. */
@MessageBundle("ret")
public interface RetentionMessages {

    @Message("Retention and records of processing")
    String title();

    @Message("What is kept how long for a tenant, what the retention job removes next, and the Art. 30 register.")
    String lead();

    @Message("Tenant")
    String tenant();

    @Message("Show")
    String show();

    @Message("Rules")
    String rules_title();

    @Message("Category")
    String category();

    @Message("Kept")
    String kept();

    @Message("Default")
    String default_days();

    @Message("{days} {#if days == 1}day{#else}days{/if}")
    String days(int days);

    @Message("until deleted")
    String until_deleted();

    @Message("set for this tenant")
    String overridden();

    @Message("not removed by this job")
    String not_enforced();

    @Message("Due now")
    String due_now();

    @Message("Due within 7 days")
    String due_week();

    @Message("Rules are changed through the API: PUT /api/compliance/retention/tenants/{tenant}/rules/{category} with keepDays (null: until deleted); every change is audited.")
    String change_hint(String tenant, String category);

    @Message("Last runs")
    String runs_title();

    @Message("No retention run yet.")
    String runs_empty();

    @Message("Node")
    String node();

    @Message("Started")
    String started();

    @Message("Removed")
    String removed();

    @Message("Records of processing (Art. 30)")
    String register_title();

    @Message("This tenant's record")
    String register_tenant();

    @Message("The whole register (operator and every tenant)")
    String register_all();

    @Message("Retention and Art. 30 register")
    String console_link();
}
