package eu.plenum.console.web;

import eu.plenum.identity.PlenumRoles;
import eu.plenum.identity.StaffActs;
import eu.plenum.shared.Pages;
import eu.plenum.sites.PatroniCluster;
import eu.plenum.sites.PatroniView;
import eu.plenum.sites.ReplicationMonitor;
import eu.plenum.sites.ReplicationState;
import eu.plenum.sites.ReplicationTargetGuard;
import eu.plenum.sites.StandbyLossGuard;
import eu.plenum.sites.SwitchoverRefused;
import eu.plenum.sites.UndeclaredSynchronousStandby;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Map;
import java.util.Optional;

/**
 * Replication at a glance for operators: role, synchronous or not, the standby-loss policy and state,
 * each standby, a warning with the setting to add when the expected standby is not declared, and — where
 * Patroni manages the sites — Patroni's own view (leader, members, lag, timeline, last failover and why)
 * with a planned, audited switchover to a chosen member.
 */
@Path("/console/replication")
@RolesAllowed(PlenumRoles.ADMIN)
public class ReplicationPage {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance replication(ReplicationState state, String policy, String mode, String since,
                UndeclaredSynchronousStandby undeclared, boolean patroniConfigured, PatroniView patroni, String switched);
    }

    private final ReplicationMonitor monitor;
    private final StandbyLossGuard guard;
    private final ReplicationTargetGuard targets;
    private final PatroniCluster patroni;
    private final StaffActs acts;
    private final Pages pages;

    ReplicationPage(ReplicationMonitor monitor, StandbyLossGuard guard, ReplicationTargetGuard targets, PatroniCluster patroni,
            StaffActs acts, Pages pages) {
        this.monitor = monitor;
        this.guard = guard;
        this.targets = targets;
        this.patroni = patroni;
        this.acts = acts;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String replication(@QueryParam("switched") String switched) {
        Optional<PatroniView> view = patroni.configured() ? patroni.view() : Optional.empty();
        return pages.render(Templates.replication(monitor.current().orElse(null), guard.policy().name().toLowerCase(),
                guard.mode().name(), guard.since().map(Object::toString).orElse(""),
                targets.undeclaredSynchronousStandby().orElse(null), patroni.configured(), view.orElse(null),
                switched == null || switched.length() > 200 ? null : switched));
    }

    /**
     * A planned switchover to the member the operator chose, from the leader the page showed (Patroni refuses if that is
     * no longer the leader, so a stale page cannot move the cluster). Audited whether Patroni did it or refused.
     */
    @POST
    @Path("switchover")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response switchover(MultivaluedMap<String, String> form) {
        String leader = required(form, "leader");
        String candidate = required(form, "candidate");
        String answer;
        try {
            answer = patroni.switchover(leader, candidate);
        } catch (SwitchoverRefused refused) {
            acts.record("replication.switchover", null, "patroni-member:" + candidate,
                    Map.of("leader", leader, "candidate", candidate, "outcome", "refused"));
            throw refused;
        }
        acts.record("replication.switchover", null, "patroni-member:" + candidate,
                Map.of("leader", leader, "candidate", candidate, "outcome", "done"));
        return Response.seeOther(UriBuilder.fromPath("/console/replication").queryParam("switched", answer).build()).build();
    }

    private static String required(MultivaluedMap<String, String> form, String field) {
        String value = form.getFirst(field);
        if (value == null || !value.matches("[A-Za-z0-9_.-]{1,63}")) {
            throw new SwitchoverRefused("the form names no valid " + field);
        }
        return value;
    }
}
