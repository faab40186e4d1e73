package eu.plenum.identity;

/** Realm roles of the Plenum Keycloak realm, as Quarkus security roles. */
public final class PlenumRoles {

    /** Operator: back-office console, tenants, regions, workers. */
    public static final String ADMIN = "admin";
    /** Schedules and runs webinars for exactly one tenant. */
    public static final String HOST = "host";
    /** Compliance officer: exports, erasure receipts, registers. */
    public static final String COMPLIANCE = "compliance";

    /** Token claim that names the host's tenant; mapped from the Keycloak user attribute of the same name. */
    public static final String TENANT_CLAIM = "plenum_tenant";

    private PlenumRoles() {
    }
}
