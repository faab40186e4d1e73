package eu.plenum.liveroom.rest;

import eu.plenum.shared.Audited;
import eu.plenum.identity.PlenumRoles;
import eu.plenum.liveroom.WebinarModerators;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/** The moderators of a webinar's live rooms: hosts of the same tenant, picked by the webinar's host. */
@Path("/api/webinars/{webinarId}/moderators")
@RolesAllowed(PlenumRoles.HOST)
@Produces(MediaType.APPLICATION_JSON)
public class ModeratorResource {

    /**
     * The user ids of the moderators (the user names hosts sign in with, their tokens' principal); each must be
     * a host of the webinar's tenant (404 otherwise); at most 20.
     */
    public record ModeratorList(@NotNull @Size(max = 20)
            List<@NotNull @Size(min = 1, max = 120) @Pattern(regexp = "\\p{Graph}+", message = "must be a user id") String> userIds) {
    }

    private final WebinarModerators moderators;

    ModeratorResource(WebinarModerators moderators) {
        this.moderators = moderators;
    }

    @GET
    public ModeratorList list(@PathParam("webinarId") UUID webinarId) {
        return new ModeratorList(moderators.of(webinarId));
    }

    /** A host of the tenant who can be picked. */
    public record Candidate(String userId, String displayName) {
    }

    @GET
    @Path("/candidates")
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "The hosts of the webinar's tenant, whom its host can pick as moderators")
    public List<Candidate> candidates(@PathParam("webinarId") UUID webinarId) {
        return moderators.candidates(webinarId).stream().map(host -> new Candidate(host.userId(), host.displayName())).toList();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Audited(value = "role.changed", what = "webinar-moderators")
    public ModeratorList replace(@PathParam("webinarId") UUID webinarId, @Valid @NotNull ModeratorList body) {
        return new ModeratorList(moderators.replace(webinarId, body.userIds()));
    }
}
