package eu.plenum.liveroom.web;

import eu.plenum.identity.PlenumRoles;
import eu.plenum.identity.TenantHosts;
import eu.plenum.liveroom.WebinarModerators;
import eu.plenum.liveroom.rest.ModeratorResource;
import eu.plenum.shared.Audited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/**
 * The studio's moderator picker, signed in by the host's page session (same-origin only): the tenant's
 * hosts with whether each moderates this webinar, and the host's new choice. The rules are
 * {@link WebinarModerators}'s, the same as the API's.
 */
@Path("/host/webinars/{webinarId}/moderators")
@RolesAllowed(PlenumRoles.HOST)
@Produces(MediaType.APPLICATION_JSON)
public class ModeratorPicker {

    /** A host of the tenant and whether they moderate this webinar. */
    public record Candidate(String userId, String displayName, boolean moderator) {
    }

    private final WebinarModerators moderators;

    ModeratorPicker(WebinarModerators moderators) {
        this.moderators = moderators;
    }

    @GET
    public List<Candidate> candidates(@PathParam("webinarId") UUID webinarId) {
        return of(webinarId, moderators.of(webinarId));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(value = "role.changed", what = "webinar-moderators")
    public List<Candidate> pick(@PathParam("webinarId") UUID webinarId, @Valid @NotNull ModeratorResource.ModeratorList body) {
        return of(webinarId, moderators.replace(webinarId, body.userIds()));
    }

    private List<Candidate> of(UUID webinarId, List<String> picked) {
        List<TenantHosts.Host> hosts = moderators.candidates(webinarId);
        return hosts.stream().map(host -> new Candidate(host.userId(), host.displayName(), picked.contains(host.userId()))).toList();
    }
}
