package eu.plenum.compliance.audit;

import eu.plenum.identity.PlenumRoles;
import eu.plenum.identity.TokenClaims;
import eu.plenum.shared.AuditEntry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * Audits every refused (403) request to {@code /api/compliance/**} as {@code access.refused}: who
 * tried, which path and method. The refusal rolls back whatever the request had started, so the
 * entry is written on its own, after the response.
 */
@ApplicationScoped
class RefusedComplianceAccess {

    private final AuditInBackground audit;

    RefusedComplianceAccess(AuditInBackground audit) {
        this.audit = audit;
    }

    void register(@Observes Router router) {
        router.route("/api/compliance/*").order(Integer.MIN_VALUE + 20).handler(this::watch);
    }

    private void watch(RoutingContext context) {
        context.addHeadersEndHandler(done -> {
            if (context.response().getStatusCode() == 403) {
                audit.record(entry(context));
            }
        });
        context.next();
    }

    private static AuditEntry entry(RoutingContext context) {
        SecurityIdentity identity = context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        String actor = identity == null || identity.isAnonymous() ? "anonymous"
                : TokenClaims.string(identity.getPrincipal(), "sub").orElse(identity.getPrincipal().getName());
        String tenant = identity == null || identity.isAnonymous() ? null
                : TokenClaims.string(identity.getPrincipal(), PlenumRoles.TENANT_CLAIM).orElse(null);
        // An address in a path segment is personal data: the chain keeps ids only.
        String path = context.request().path().replaceAll("[^/]*@[^/]*", "{redacted}");
        return AuditEntry.of("access.refused", actor, tenant).on(path.length() > 200 ? path.substring(0, 200) : path)
                .with(Map.of("method", context.request().method().name(), "status", "403"));
    }
}
