package eu.plenum.compliance.audit;

import eu.plenum.identity.PlenumRoles;
import eu.plenum.identity.TokenClaims;
import eu.plenum.shared.AuditEntry;
import eu.plenum.shared.AuditTrail;
import eu.plenum.shared.Audited;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * Records each successful call of a method marked {@link Audited}, in a transaction of its own once
 * the method's work is committed. Small window: should the node die between the two, the act stays
 * unaudited; acts that must never miss their entry record it inside their own transaction instead.
 */
@Provider
@Audited
class AuditedRequests implements ContainerResponseFilter {

    private final AuditTrail trail;
    private final SecurityIdentity identity;
    @Context
    ResourceInfo resource;

    AuditedRequests(AuditTrail trail, SecurityIdentity identity) {
        this.trail = trail;
        this.identity = identity;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Audited audited = resource.getResourceMethod().getAnnotation(Audited.class);
        if (audited == null) {
            audited = resource.getResourceClass().getAnnotation(Audited.class);
        }
        if (audited == null || audited.value().isEmpty() || response.getStatus() >= 300 || identity.isAnonymous()) {
            return;
        }
        String actor = TokenClaims.string(identity.getPrincipal(), "sub").orElse(identity.getPrincipal().getName());
        String tenant = audited.tenantParam().isEmpty()
                ? TokenClaims.string(identity.getPrincipal(), PlenumRoles.TENANT_CLAIM).orElse(null)
                : request.getUriInfo().getPathParameters().getFirst(audited.tenantParam());
        String path = request.getUriInfo().getPath().replaceAll("[^/]*@[^/]*", "{redacted}");
        trail.recordAlone(AuditEntry.of(audited.value(), actor, tenant).on(path.length() > 200 ? path.substring(0, 200) : path)
                .with(Map.of("method", request.getMethod(), "what", audited.what().isEmpty() ? resource.getResourceMethod().getName() : audited.what())));
    }
}
