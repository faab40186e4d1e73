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

    @Message("Data location")
    String dl_title();

    @Message("generated")
    String dl_generated();

    @Message("Download JSON")
    String dl_download();

    @Message("Where the personal data is")
    String dl_places();

    @Message("Category of personal data")
    String dl_category();

    @Message("Place")
    String dl_place();

    @Message("Region")
    String dl_region();

    @Message("Country")
    String dl_country();

    @Message("Jurisdiction")
    String dl_jurisdiction();

    @Message("Legal basis")
    String dl_basis();

    @Message("not allowed: transfers are refused")
    String dl_refused();

    @Message("declared by the tenant")
    String dl_declared_by_tenant();

    @Message("Regions of Plenum's own places are declared by the operator and checked when a node starts. "
            + "The region of a webhook or export receiver is declared by the tenant when registering it: Plenum checks that "
            + "the region may receive the data and that the receiver's address is public, not where the receiver actually runs.")
    String dl_region_declarations();

    @Message("Transfers")
    String dl_transfers();

    @Message("No transfers recorded for this tenant.")
    String dl_no_transfers();

    @Message("When")
    String dl_when();

    @Message("Destination")
    String dl_destination();

    @Message("Outcome")
    String dl_outcome();

    @Message("Report")
    String tenant_report();

    @Message("Database replication")
    String replication_title();

    @Message("Where this node writes, whether every commit is on the backup site too, and each standby.")
    String replication_lead();

    @Message("Role of the database")
    String replication_role();

    @Message("Site of that server")
    String replication_site();

    @Message("Webinars")
    String dl_webinars();

    @Message("Webinar")
    String dl_webinar();

    @Message("registrations")
    String dl_registrations();

    @Message("Media processing of the live sessions")
    String dl_media();

    @Message("No live session of this webinar has been processed yet.")
    String dl_no_media();

    @Message("Session")
    String dl_session();

    @Message("Node and worker")
    String dl_node();

    @Message("Last failover")
    String replication_last_failover();

    @Message("none since this database was first seen")
    String replication_no_failover();

    @Message("promoted, timeline")
    String replication_promoted();

    @Message("Commits confirmed by a synchronous standby")
    String replication_synchronous();

    @Message("synchronous_standby_names")
    String replication_names();

    @Message("If the synchronous standby is lost")
    String replication_policy();

    @Message("State")
    String replication_mode();

    @Message("since")
    String replication_since();

    @Message("Standbys")
    String replication_standbys();

    @Message("No standby is connected: commits are on one site only, or wait (see the policy).")
    String replication_no_standby();

    @Message("Name")
    String standby_name();

    @Message("Streaming state")
    String standby_state();

    @Message("Sync state")
    String standby_sync();

    @Message("Lag (bytes)")
    String standby_lag_bytes();

    @Message("Replay lag (s)")
    String standby_lag_seconds();

    @Message("The database cannot be reached from this node.")
    String replication_unknown();

    @Message("Commits wait for a standby that is never allowed")
    String replication_undeclared_title();

    @Message("Declare the standby as a database place in this node's configuration (then restart), or change synchronous_standby_names:")
    String replication_undeclared_add();

    @Message("yes")
    String yes();

    @Message("no")
    String no();

    @Message("Status")
    String tenant_status();

    @Message("active")
    String status_active();

    @Message("suspended")
    String status_suspended();

    @Message("People")
    String tenant_people();

    @Message("Create a tenant")
    String create_title();

    @Message("The id hosts carry in their plenum_tenant attribute; it cannot change later.")
    String create_id_hint();

    @Message("needs a legal basis")
    String create_needs_basis();

    @Message("Only for a region outside the EU/EEA with an adequacy decision: the legal basis for keeping the tenant's personal data there.")
    String create_basis_hint();

    @Message("Create tenant")
    String create_submit();

    @Message("People")
    String people_title();

    @Message("Nobody belongs to this tenant yet. Invite its first people.")
    String people_empty();

    @Message("Name")
    String person_name();

    @Message("E-mail")
    String person_email();

    @Message("Roles")
    String person_roles();

    @Message("invited")
    String person_invited();

    @Message("Give")
    String person_grant();

    @Message("Take")
    String person_revoke();

    @Message("Remove")
    String person_remove();

    @Message("Removing a person deletes their account; the webinars they made stay with the organisation. Role changes end the person's sessions.")
    String people_note();

    @Message("Invite a person")
    String invite_title();

    @Message("First name")
    String invite_first();

    @Message("Last name")
    String invite_last();

    @Message("Send invitation")
    String invite_submit();

    @Message("The person gets an e-mail with a link to set their own password on the sign-in pages (never here). The link works for three days.")
    String invite_note();

    @Message("Suspension")
    String suspension_title();

    @Message("Reason")
    String suspension_reason();

    @Message("Suspend tenant")
    String suspend_submit();

    @Message("Reactivate tenant")
    String reactivate_submit();

    @Message("A suspended tenant's people are refused from their next request on, nothing goes live, and attendees see a notice. Nothing is deleted.")
    String suspension_note();

    @Message("Patroni's view of the cluster")
    String patroni_title();

    @Message("as answered by")
    String patroni_answered_by();

    @Message("Member")
    String patroni_member();

    @Message("Role")
    String patroni_role();

    @Message("State")
    String patroni_state();

    @Message("Host")
    String patroni_host();

    @Message("Timeline")
    String patroni_timeline();

    @Message("Lag (bytes)")
    String patroni_lag();

    @Message("Last failover or switchover")
    String patroni_last_failover();

    @Message("None since the cluster was made.")
    String patroni_no_failover();

    @Message("No Patroni member answered: the cluster cannot be shown or switched over from this node.")
    String patroni_unreachable();

    @Message("Planned switchover")
    String switchover_title();

    @Message("Patroni stops the leader cleanly, promotes the chosen member and makes the old leader follow it. Writes pause for a few seconds (answered 503 and retried); nothing acknowledged is lost.")
    String switchover_lead();

    @Message("New leader")
    String switchover_candidate();

    @Message("Switch over")
    String switchover_submit();

    @Message("No member can take over now (no healthy standby).")
    String switchover_none();

    @Message("Switchover asked; Patroni answered:")
    String switchover_asked();

    @Message("Quotas and usage")
    String quotas_title();

    @Message("Quota")
    String quota_name();

    @Message("In use / limit")
    String quota_usage();

    @Message("Set by")
    String quota_limit();

    @Message("reached")
    String quota_reached();

    @Message("for this tenant")
    String quota_own();

    @Message("default")
    String quota_default();

    @Message("Live rooms count across all nodes; WebRTC viewers beyond the quota are sent to HLS; recording bytes count finished files; registrations are those of the most registered webinar.")
    String quota_note();

    @Message("Save quotas (empty: default)")
    String quota_submit();

    @Message("The platform now")
    String overview_title();

    @Message("Live rooms")
    String overview_live_rooms();

    @Message("WebRTC viewers (this node)")
    String overview_viewers();

    @Message("Busy media workers (this node)")
    String overview_workers();

    @Message("idle")
    String overview_idle();

    @Message("starting")
    String overview_starting();

    @Message("failed / failed starts")
    String overview_failures();

    @Message("Mails waiting")
    String overview_mail();

    @Message("given up:")
    String overview_dead();

    @Message("Transfers refused today")
    String overview_refusals();

    @Message("Replication")
    String overview_replication();

    @Message("standby(s)")
    String overview_standbys();

    @Message("App node")
    String overview_node();

    @Message("No room is live.")
    String overview_no_rooms();

    @Message("Live rooms per hour, last 24 hours")
    String overview_chart_24h();

    @Message("Live rooms per day, last 30 days")
    String overview_chart_30d();

    @Message("Refused transfers per day, last 30 days")
    String overview_chart_refusals();
}
