package eu.plenum.shared.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only endpoint that fails the way a bug would, to prove 500s leak nothing. */
@Path("/api/test-only/failure")
@PermitAll
public class FailingResource {

    static final String SECRET = "db-password=hunter2 at com.example.Internal";

    @GET
    public String fail() {
        throw new IllegalStateException(SECRET);
    }
}
