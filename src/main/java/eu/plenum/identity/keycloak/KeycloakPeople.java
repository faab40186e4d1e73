package eu.plenum.identity.keycloak;

import eu.plenum.identity.IdentityStoreUnavailableException;
import eu.plenum.identity.Person;
import eu.plenum.identity.PlenumRoles;
import eu.plenum.shared.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The people of the realm through Keycloak's Admin REST API, as the console's service account
 * ({@code plenum-console}: realm-management view-users, query-users, manage-users). Keycloak stays the
 * identity store: Plenum never writes its database and keeps nothing of a person but what a request needs.
 * Rules about who may do what live in {@code TenantPeople}; this class only talks to Keycloak.
 */
@ApplicationScoped
public class KeycloakPeople {

    public static final String REALM = "plenum";
    private static final Set<String> PLENUM_ROLES = Set.of(PlenumRoles.ADMIN, PlenumRoles.HOST, PlenumRoles.COMPLIANCE,
            PlenumRoles.PLATFORM_COMPLIANCE, PlenumRoles.TENANT_ADMIN);
    private static final int MAX_PEOPLE = 500;
    private static final Logger LOG = Logger.getLogger(KeycloakPeople.class);

    private final Instance<Keycloak> keycloak;

    KeycloakPeople(Instance<Keycloak> keycloak) {
        this.keycloak = keycloak;
    }

    /** A person to create; the tenant attribute is set here once and never changed by Plenum afterwards. */
    public record NewPerson(String email, String firstName, String lastName, String tenantId) {
    }

    /**
     * The people whose {@code plenum_tenant} is exactly {@code tenantId}: asked with {@code exact=true} (without it
     * Keycloak matches a substring, so another tenant's people would fill the first page), and checked again here.
     */
    public List<Person> ofTenant(String tenantId) {
        return call(() -> users().searchByAttributes(0, MAX_PEOPLE, null, true, false, PlenumRoles.TENANT_CLAIM + ":" + tenantId)
                .stream()
                .filter(user -> tenantId.equals(tenantOf(user)))
                .map(user -> person(user, users().get(user.getId())))
                .sorted(java.util.Comparator.comparing(Person::username))
                .toList());
    }

    public Optional<Person> find(String userId) {
        return call(() -> {
            UserResource user = users().get(userId);
            try {
                return Optional.of(person(user.toRepresentation(), user));
            } catch (WebApplicationException e) {
                if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    /** Creates the person with the tenant attribute and a pending password; 409 {@code person-exists} when the address is taken. */
    public String create(NewPerson person) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(person.email());
        user.setEmail(person.email());
        user.setFirstName(person.firstName());
        user.setLastName(person.lastName());
        user.setEnabled(true);
        user.setEmailVerified(false);
        user.setAttributes(Map.of(PlenumRoles.TENANT_CLAIM, List.of(person.tenantId())));
        user.setRequiredActions(List.of("UPDATE_PASSWORD"));
        return call(() -> {
            try (Response created = users().create(user)) {
                if (created.getStatus() == 409) {
                    throw taken();
                }
                return CreatedResponseUtil.getCreatedId(created);
            } catch (WebApplicationException e) {
                if (e.getResponse() != null && e.getResponse().getStatus() == 409) {
                    throw taken();
                }
                throw e;
            }
        });
    }

    public void grant(String userId, String role) {
        call(() -> {
            UserResource user = users().get(userId);
            RoleRepresentation mapping = user.roles().realmLevel().listAvailable().stream()
                    .filter(available -> available.getName().equals(role)).findFirst().orElse(null);
            if (mapping != null) {
                user.roles().realmLevel().add(List.of(mapping));
            }
            return null;
        });
    }

    public void revoke(String userId, String role) {
        call(() -> {
            UserResource user = users().get(userId);
            user.roles().realmLevel().listAll().stream().filter(mapped -> mapped.getName().equals(role)).findFirst()
                    .ifPresent(mapped -> user.roles().realmLevel().remove(List.of(mapped)));
            return null;
        });
    }

    /** Ends the person's Keycloak sessions, so that a refresh fails and the next sign-in sees the change. */
    public void endSessions(String userId) {
        call(() -> {
            users().get(userId).logout();
            return null;
        });
    }

    public void delete(String userId) {
        call(() -> {
            try (Response deleted = users().delete(userId)) {
                return null;
            }
        });
    }

    /**
     * Keycloak's own "set your password" mail (execute-actions), sent through the realm's SMTP settings: the
     * declared mail relay. The link is Keycloak's action token; after it the person lands on {@code redirectUri}.
     */
    public void sendInvitation(String userId, String clientId, String redirectUri, int lifespanSeconds) {
        call(() -> {
            users().get(userId).executeActionsEmail(clientId, redirectUri, lifespanSeconds, List.of("UPDATE_PASSWORD"));
            return null;
        });
    }

    private static ConflictException taken() {
        return new ConflictException("person-exists", "An account with this e-mail address exists already. "
                + "If it should belong to your organisation, ask the platform operator.");
    }

    private UsersResource users() {
        return keycloak.get().realm(REALM).users();
    }

    private static String tenantOf(UserRepresentation user) {
        Map<String, List<String>> attributes = user.getAttributes();
        List<String> values = attributes == null ? null : attributes.get(PlenumRoles.TENANT_CLAIM);
        return values == null || values.size() != 1 ? null : values.get(0);
    }

    private static Person person(UserRepresentation user, UserResource resource) {
        List<String> roles = resource.roles().realmLevel().listEffective().stream().map(RoleRepresentation::getName)
                .filter(PLENUM_ROLES::contains).sorted().toList();
        String name = String.join(" ", Optional.ofNullable(user.getFirstName()).orElse(""),
                Optional.ofNullable(user.getLastName()).orElse("")).strip();
        boolean pending = user.getRequiredActions() != null && !user.getRequiredActions().isEmpty();
        return new Person(user.getId(), user.getUsername(), user.getEmail(), name.isEmpty() ? user.getUsername() : name,
                tenantOf(user), roles, pending, Boolean.TRUE.equals(user.isEnabled()));
    }

    /** Runs one conversation with Keycloak; an unreachable or failing Keycloak is a 503, never a 500 with its details. */
    private static <T> T call(Supplier<T> conversation) {
        try {
            return conversation.get();
        } catch (ConflictException e) {
            throw e;
        } catch (ProcessingException e) {
            LOG.warnf("Keycloak's Admin API is unreachable: %s", e.getClass().getSimpleName());
            throw new IdentityStoreUnavailableException("The identity store (Keycloak) cannot be reached; nothing was changed. Try again.");
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            LOG.warnf("Keycloak's Admin API answered %d", status);
            if (status == 404) {
                throw new eu.plenum.shared.NotFoundException("There is no such person.");
            }
            throw new IdentityStoreUnavailableException("The identity store (Keycloak) refused the change (" + status + ").");
        }
    }
}
