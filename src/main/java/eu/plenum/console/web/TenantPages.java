package eu.plenum.console.web;

import eu.plenum.identity.CurrentHost;
import eu.plenum.identity.PeopleScope;
import eu.plenum.identity.Person;
import eu.plenum.identity.PlenumRoles;
import eu.plenum.identity.TenantOnboarding;
import eu.plenum.identity.TenantPeople;
import eu.plenum.identity.TenantRef;
import eu.plenum.identity.TenantSuspensions;
import eu.plenum.quotas.Quota;
import eu.plenum.quotas.TenantQuotas;
import eu.plenum.shared.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * A tenant's page in the console: its state and its people. Operators create, suspend and reactivate tenants
 * and manage anyone's people; a tenant administrator sees only their own tenant (another id is a 404) and
 * invites, gives or takes the host role and removes people there; both see the tenant's usage against its quotas,
 * which only operators set. Forms post back here and redirect.
 */
@Path("/console")
public class TenantPages {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance tenant(TenantRef tenant, List<Person> people, List<String> grantable, boolean operator,
                List<String> reasons, List<TenantQuotas.Line> quotas);
    }

    private final PeopleScope scope;
    private final TenantPeople people;
    private final TenantOnboarding onboarding;
    private final TenantSuspensions suspensions;
    private final CurrentHost host;
    private final eu.plenum.identity.StaffActs acts;
    private final Pages pages;
    private final TenantQuotas quotas;

    TenantPages(PeopleScope scope, TenantPeople people, TenantOnboarding onboarding, TenantSuspensions suspensions,
            CurrentHost host, eu.plenum.identity.StaffActs acts, Pages pages, TenantQuotas quotas) {
        this.quotas = quotas;
        this.scope = scope;
        this.people = people;
        this.onboarding = onboarding;
        this.suspensions = suspensions;
        this.host = host;
        this.acts = acts;
        this.pages = pages;
    }

    /** A tenant administrator's start: the page of their own tenant. */
    @GET
    @Path("people")
    @RolesAllowed(PlenumRoles.TENANT_ADMIN)
    public Response ownPeople() {
        return Response.seeOther(URI.create("/console/tenants/" + host.tenant().id())).build();
    }

    @GET
    @Path("tenants/{id}")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({PlenumRoles.ADMIN, PlenumRoles.TENANT_ADMIN})
    public String tenant(@PathParam("id") String id) {
        TenantRef tenant = scope.manageable(id);
        return pages.render(Templates.tenant(tenant, people.list(tenant.id()), scope.grantable(), scope.operator(),
                eu.plenum.identity.TenantSuspensions.REASONS, quotas.of(tenant.id())));
    }

    /** An operator sets the tenant's quotas; an empty field puts that quota back to the configured default. */
    @POST
    @Path("tenants/{id}/quotas")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(PlenumRoles.ADMIN)
    public Response setQuotas(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        java.util.Map<Quota, Long> values = new java.util.EnumMap<>(Quota.class);
        for (Quota quota : Quota.values()) {
            values.put(quota, TenantForms.quota(quota.key(), form.getFirst(quota.key())));
        }
        quotas.set(scope.manageable(id).id(), values);
        return back(id);
    }

    @POST
    @Path("tenants")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(PlenumRoles.ADMIN)
    public Response create(MultivaluedMap<String, String> form) {
        TenantRef tenant = onboarding.registerByOperator(new TenantOnboarding.NewTenant(TenantForms.tenantId(form.getFirst("id")),
                TenantForms.name(form.getFirst("name")), TenantForms.regionCode(form.getFirst("homeRegionCode")),
                TenantForms.optional(form.getFirst("adequacyLegalBasis")), acts.actor()));
        return back(tenant.id());
    }

    @POST
    @Path("tenants/{id}/suspension")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(PlenumRoles.ADMIN)
    public Response suspend(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        suspensions.suspend(scope.manageable(id).id(), form.getFirst("reason"));
        return back(id);
    }

    @POST
    @Path("tenants/{id}/reactivation")
    @RolesAllowed(PlenumRoles.ADMIN)
    public Response reactivate(@PathParam("id") String id) {
        suspensions.reactivate(scope.manageable(id).id());
        return back(id);
    }

    @POST
    @Path("tenants/{id}/people")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({PlenumRoles.ADMIN, PlenumRoles.TENANT_ADMIN})
    public Response invite(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        people.invite(id, new TenantPeople.Invitation(form.getFirst("email"), form.getFirst("firstName"), form.getFirst("lastName"),
                form.getFirst("role")));
        return back(id);
    }

    @POST
    @Path("tenants/{id}/people/{userId}/grant")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({PlenumRoles.ADMIN, PlenumRoles.TENANT_ADMIN})
    public Response grant(@PathParam("id") String id, @PathParam("userId") String userId, MultivaluedMap<String, String> form) {
        people.grant(id, userId, form.getFirst("role"));
        return back(id);
    }

    @POST
    @Path("tenants/{id}/people/{userId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({PlenumRoles.ADMIN, PlenumRoles.TENANT_ADMIN})
    public Response revoke(@PathParam("id") String id, @PathParam("userId") String userId, MultivaluedMap<String, String> form) {
        people.revoke(id, userId, form.getFirst("role"));
        return back(id);
    }

    @POST
    @Path("tenants/{id}/people/{userId}/remove")
    @RolesAllowed({PlenumRoles.ADMIN, PlenumRoles.TENANT_ADMIN})
    public Response remove(@PathParam("id") String id, @PathParam("userId") String userId) {
        people.remove(id, userId);
        return back(id);
    }

    private static Response back(String tenantId) {
        return Response.seeOther(URI.create("/console/tenants/" + tenantId)).build();
    }
}
