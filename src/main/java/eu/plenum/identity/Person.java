package eu.plenum.identity;

import java.util.List;

/**
 * A person of a tenant as the console shows them: read from Keycloak on each request, never stored by Plenum.
 *
 * @param id                Keycloak's user id (the token's subject)
 * @param roles             the person's Plenum realm roles, sorted
 * @param invitationPending the person has not yet set a password through the invitation's link
 */
public record Person(String id, String username, String email, String displayName, String tenantId, List<String> roles,
        boolean invitationPending, boolean enabled) {

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
