package eu.plenum.shared.web;

import jakarta.annotation.security.PermitAll;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/**
 * Test-only endpoint that breaks a database rule with personal data in the row, the way a bug
 * would: PostgreSQL's DETAIL then quotes the row ("Failing row contains (...)", "Key (...)=(...)").
 */
@Path("/api/test-only/constraint-failure")
@PermitAll
public class ConstraintFailureResource {

    private final EntityManager entityManager;

    ConstraintFailureResource(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @POST
    @Path("{kind}")
    @Transactional
    public String fail(@PathParam("kind") String kind, @QueryParam("name") String name, @QueryParam("email") String email) {
        entityManager.createNativeQuery("CREATE TEMPORARY TABLE IF NOT EXISTS leak_probe (email text UNIQUE, "
                + "name text NOT NULL, note text, CHECK (note IS NULL OR note <> email)) ON COMMIT DROP").executeUpdate();
        switch (kind) {
            case "unique" -> {
                insert("INSERT INTO leak_probe (email, name) VALUES (:email, :name)", email, name);
                insert("INSERT INTO leak_probe (email, name) VALUES (:email, :name)", email, name);
            }
            case "not-null" -> insert("INSERT INTO leak_probe (email, name, note) VALUES (:email, NULL, :name)", email, name);
            case "check" -> insert("INSERT INTO leak_probe (email, name, note) VALUES (:email, :name, :email)", email, name);
            default -> throw new IllegalArgumentException("unknown kind");
        }
        return "not reached";
    }

    private void insert(String sql, String email, String name) {
        entityManager.createNativeQuery(sql).setParameter("email", email).setParameter("name", name).executeUpdate();
    }
}
