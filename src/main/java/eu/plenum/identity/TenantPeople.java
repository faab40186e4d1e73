package eu.plenum.identity;

import eu.plenum.identity.keycloak.KeycloakPeople;
import eu.plenum.residency.DeclaredPlace;
import eu.plenum.residency.DeclaredPlaces;
import eu.plenum.residency.PersonalDataTransfer;
import eu.plenum.residency.PlaceKind;
import eu.plenum.residency.TransferGuard;
import eu.plenum.shared.AccessRefusedException;
import eu.plenum.shared.ConflictException;
import eu.plenum.shared.InvalidInputException;
import eu.plenum.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The people of one tenant, for its administrator and for operators: invite by e-mail (Keycloak's own
 * "set your password" mail), give or take a role, remove. Every rule against escalation is here, in one
 * place: the tenant comes from {@link PeopleScope} (never from the request body), the tenant attribute is
 * set once at invitation and never changed, only {@link PeopleScope#grantable()} roles are given or taken,
 * and only people of that tenant who hold no staff role are touched. Removing a person leaves their
 * webinars with the tenant (they are the tenant's, keyed by tenant, not by account).
 */
@ApplicationScoped
public class TenantPeople {

    private static final Pattern USER_ID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final Pattern E_MAIL = Pattern.compile("^[^@\\s]{1,64}@[A-Za-z0-9.-]{1,189}\\.[A-Za-z]{2,63}$");
    private static final Set<String> PLENUM_ROLES = Set.of(PlenumRoles.ADMIN, PlenumRoles.HOST, PlenumRoles.COMPLIANCE,
            PlenumRoles.PLATFORM_COMPLIANCE, PlenumRoles.TENANT_ADMIN);
    /** Nobody changes these holders here: operators' and the platform officer's accounts are managed in Keycloak itself. */
    private static final Set<String> UNMANAGEABLE = Set.of(PlenumRoles.ADMIN, PlenumRoles.PLATFORM_COMPLIANCE);

    private static final Logger LOG = Logger.getLogger(TenantPeople.class);

    private final PeopleScope scope;
    private final KeycloakPeople keycloak;
    private final StaffActs acts;
    private final TransferGuard guard;
    private final DeclaredPlaces places;
    private final String clientId;
    private final String publicUrl;
    private final Duration invitationLifespan;

    TenantPeople(PeopleScope scope, KeycloakPeople keycloak, StaffActs acts, TransferGuard guard, DeclaredPlaces places,
            @ConfigProperty(name = "quarkus.oidc.client-id") String clientId,
            @ConfigProperty(name = "plenum.public-url") String publicUrl,
            @ConfigProperty(name = "plenum.people.invitation-lifespan", defaultValue = "P3D") Duration invitationLifespan) {
        this.scope = scope;
        this.keycloak = keycloak;
        this.acts = acts;
        this.guard = guard;
        this.places = places;
        this.clientId = clientId;
        this.publicUrl = publicUrl;
        this.invitationLifespan = invitationLifespan;
    }

    /** Whom to invite; the tenant is the one of the path, checked by the scope. */
    public record Invitation(String email, String firstName, String lastName, String role) {
    }

    public List<Person> list(String tenantId) {
        return keycloak.ofTenant(scope.manageable(tenantId).id());
    }

    public Person invite(String tenantId, Invitation invitation) {
        TenantRef tenant = scope.manageable(tenantId);
        String role = requireGrantable(invitation.role() == null ? PlenumRoles.HOST : invitation.role());
        String email = requireEmail(invitation.email());
        String first = requireName("firstName", invitation.firstName());
        String last = requireName("lastName", invitation.lastName());
        DeclaredPlace relay = places.ofKind(PlaceKind.MAIL_RELAY).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No mail relay is declared in plenum.residency.places"));
        // Keycloak sends the mail through the realm's SMTP settings, which name this relay: the guard decides first.
        guard.authorize(new PersonalDataTransfer("e-mail", "invitation to Plenum (Keycloak's action mail)", tenant.id(),
                relay.name(), relay.region().code(), null));
        String userId = keycloak.create(new KeycloakPeople.NewPerson(email, first, last, tenant.id()));
        try {
            keycloak.grant(userId, role);
            keycloak.sendInvitation(userId, clientId, publicUrl + "/signin", (int) invitationLifespan.toSeconds());
        } catch (RuntimeException e) {
            LOG.warnf("Invitation of user %s not sent (%s); the account is removed again", userId, e.getClass().getSimpleName());
            keycloak.delete(userId);
            throw new InvitationNotSentException();
        }
        acts.record("people.invited", tenant.id(), "user:" + userId, Map.of("role", role));
        return keycloak.find(userId).orElseThrow();
    }

    public Person grant(String tenantId, String userId, String role) {
        TenantRef tenant = scope.manageable(tenantId);
        String granted = requireGrantable(role);
        Person person = manageableMember(tenant, userId);
        if (!person.hasRole(granted)) {
            keycloak.grant(person.id(), granted);
            acts.record("role.granted", tenant.id(), "user:" + person.id(), Map.of("role", granted));
        }
        return keycloak.find(person.id()).orElseThrow();
    }

    public Person revoke(String tenantId, String userId, String role) {
        TenantRef tenant = scope.manageable(tenantId);
        String revoked = requireGrantable(role);
        Person person = manageableMember(tenant, userId);
        if (person.hasRole(revoked)) {
            keycloak.revoke(person.id(), revoked);
            // Their sessions end: a refresh fails, the next sign-in has the new roles.
            keycloak.endSessions(person.id());
            acts.record("role.revoked", tenant.id(), "user:" + person.id(), Map.of("role", revoked));
        }
        return keycloak.find(person.id()).orElseThrow();
    }

    /** Removes the account from Keycloak; the tenant's webinars the person made stay with the tenant. */
    public void remove(String tenantId, String userId) {
        TenantRef tenant = scope.manageable(tenantId);
        Person person = manageableMember(tenant, userId);
        if (person.id().equals(acts.actor())) {
            throw new ConflictException("own-account", "You cannot remove your own account; ask another administrator.");
        }
        keycloak.delete(person.id());
        acts.record("people.removed", tenant.id(), "user:" + person.id(), Map.of("roles", String.join(" ", person.roles())));
    }

    private Person manageableMember(TenantRef tenant, String userId) {
        Person person = (userId != null && USER_ID.matcher(userId).matches() ? keycloak.find(userId) : java.util.Optional.<Person>empty())
                .filter(found -> tenant.id().equals(found.tenantId()))
                .orElseThrow(() -> new NotFoundException("There is no such person in " + tenant.name() + "."));
        boolean staff = person.roles().stream().anyMatch(UNMANAGEABLE::contains);
        boolean operatorOnly = !scope.operator() && person.roles().stream().anyMatch(scope.operatorManaged()::contains);
        if (staff || operatorOnly) {
            throw new AccessRefusedException("person-not-manageable", staff
                    ? "This account belongs to the platform's staff; it is managed in Keycloak, not here."
                    : "Only the platform operator changes the accounts of tenant administrators and data-protection officers.");
        }
        return person;
    }

    private String requireGrantable(String role) {
        if (role == null || !PLENUM_ROLES.contains(role)) {
            throw InvalidInputException.of("role", "one of " + String.join(", ", scope.grantable()));
        }
        if (!scope.grantable().contains(role)) {
            throw new AccessRefusedException("role-not-grantable", "You may give or take only these roles: "
                    + String.join(", ", scope.grantable()) + ".");
        }
        return role;
    }

    private static String requireEmail(String email) {
        String value = email == null ? "" : email.strip();
        if (value.length() > 254 || !E_MAIL.matcher(value).matches()) {
            throw InvalidInputException.of("email", "an e-mail address such as name@example.org");
        }
        return value.toLowerCase(java.util.Locale.ROOT);
    }

    private static String requireName(String field, String name) {
        String value = name == null ? "" : name.strip();
        if (value.isEmpty() || value.length() > 100 || value.chars().anyMatch(Character::isISOControl)) {
            throw InvalidInputException.of(field, "1 to 100 characters on one line");
        }
        return value;
    }
}
