package eu.plenum.console.web;

import eu.plenum.identity.PlenumRoles;
import eu.plenum.shared.Pages;
import eu.plenum.sites.ReplicationMonitor;
import eu.plenum.sites.ReplicationState;
import eu.plenum.sites.ReplicationTargetGuard;
import eu.plenum.sites.StandbyLossGuard;
import eu.plenum.sites.UndeclaredSynchronousStandby;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Replication at a glance for operators: role, synchronous or not, the standby-loss policy and state,
 * each standby, and a warning with the setting to add when the expected standby is not declared.
 */
@Path("/console/replication")
@RolesAllowed(PlenumRoles.ADMIN)
public class ReplicationPage {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance replication(ReplicationState state, String policy, String mode, String since,
                UndeclaredSynchronousStandby undeclared);
    }

    private final ReplicationMonitor monitor;
    private final StandbyLossGuard guard;
    private final ReplicationTargetGuard targets;
    private final Pages pages;

    ReplicationPage(ReplicationMonitor monitor, StandbyLossGuard guard, ReplicationTargetGuard targets, Pages pages) {
        this.monitor = monitor;
        this.guard = guard;
        this.targets = targets;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String replication() {
        return pages.render(Templates.replication(monitor.current().orElse(null), guard.policy().name().toLowerCase(),
                guard.mode().name(), guard.since().map(Object::toString).orElse(""),
                targets.undeclaredSynchronousStandby().orElse(null)));
    }
}
