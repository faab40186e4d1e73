package eu.plenum.identity.web;

import eu.plenum.identity.Viewer;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Target of the "Sign in" button. The path is protected, so an anonymous visitor goes through
 * the Keycloak login first; afterwards everyone lands where their role starts.
 */
@Path("/signin")
@Authenticated
public class SignInPage {

    private final Viewer viewer;

    SignInPage(Viewer viewer) {
        this.viewer = viewer;
    }

    @GET
    public Response signIn() {
        return Response.seeOther(URI.create(viewer.getHomePath())).build();
    }
}
