package eu.plenum.identity;

import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.security.Principal;

/** Who is looking at a page; the page layout reads it as {@code cdi:viewer}. */
@Named("viewer")
@RequestScoped
public class Viewer {

    private static final SecurityIdentity ANONYMOUS = QuarkusSecurityIdentity.builder()
            .setAnonymous(true).setPrincipal(new QuarkusPrincipal("")).build();

    private final Instance<SecurityIdentity> signedIn;
    private SecurityIdentity identity;

    Viewer(Instance<SecurityIdentity> signedIn) {
        this.signedIn = signedIn;
    }

    /**
     * The identity of the request. Authentication is lazy and may need a blocking call to
     * Keycloak, so on an I/O thread (error pages for unmatched paths) the viewer counts as anonymous.
     */
    private SecurityIdentity identity() {
        if (identity == null) {
            identity = BlockingOperationControl.isBlockingAllowed() ? signedIn.get() : ANONYMOUS;
        }
        return identity;
    }

    public boolean isSignedIn() {
        return !identity().isAnonymous();
    }

    public boolean isHost() {
        return identity().hasRole(PlenumRoles.HOST);
    }

    public boolean isAdmin() {
        return identity().hasRole(PlenumRoles.ADMIN);
    }

    public boolean isTenantAdmin() {
        return identity().hasRole(PlenumRoles.TENANT_ADMIN);
    }

    public boolean isCompliance() {
        return identity().hasRole(PlenumRoles.COMPLIANCE);
    }

    /** Given name, else the user name; shown in the header only to the person themselves. */
    public String getDisplayName() {
        if (identity().isAnonymous()) {
            return "";
        }
        Principal principal = identity().getPrincipal();
        return TokenClaims.string(principal, "given_name")
                .or(() -> TokenClaims.string(principal, "preferred_username"))
                .orElse(principal.getName());
    }

    /**
     * Where a signed-in user starts: the console for admins, their tenant's people for tenant administrators, the
     * dashboard for hosts, the request queue for compliance officers.
     */
    public String getHomePath() {
        if (isAdmin()) {
            return "/console";
        }
        if (isTenantAdmin()) {
            return "/console/people";
        }
        if (isHost()) {
            return "/host";
        }
        return isCompliance() || identity().hasRole(PlenumRoles.PLATFORM_COMPLIANCE) ? "/console/compliance/requests" : "/";
    }
}
