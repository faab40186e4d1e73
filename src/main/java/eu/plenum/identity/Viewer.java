package eu.plenum.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.security.Principal;

/** Who is looking at a page; the page layout reads it as {@code cdi:viewer}. */
@Named("viewer")
@RequestScoped
public class Viewer {

    private final SecurityIdentity identity;

    Viewer(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public boolean isHost() {
        return identity.hasRole(PlenumRoles.HOST);
    }

    public boolean isAdmin() {
        return identity.hasRole(PlenumRoles.ADMIN);
    }

    public boolean isCompliance() {
        return identity.hasRole(PlenumRoles.COMPLIANCE);
    }

    /** Given name, else the user name; shown in the header only to the person themselves. */
    public String getDisplayName() {
        if (identity.isAnonymous()) {
            return "";
        }
        Principal principal = identity.getPrincipal();
        return TokenClaims.string(principal, "given_name")
                .or(() -> TokenClaims.string(principal, "preferred_username"))
                .orElse(principal.getName());
    }

    /** Where a signed-in user starts: the console for admins, the dashboard for hosts. */
    public String getHomePath() {
        if (isAdmin()) {
            return "/console";
        }
        return isHost() ? "/host" : "/";
    }
}
