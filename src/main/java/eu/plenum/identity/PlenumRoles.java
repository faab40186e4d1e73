package eu.plenum.identity;

/** Realm roles of the Plenum Keycloak realm, as Quarkus security roles. */
public final class PlenumRoles {

    /** Operator: back-office console, tenants, regions, workers. */
    public static final String ADMIN = "admin";
    /** Schedules and runs webinars for exactly one tenant. */
    public static final String HOST = "host";
    /**
     * A tenant's data-protection officer: exports, erasures, receipts and registers of the one tenant
     * named by the account's {@link #TENANT_CLAIM}; without that attribute the role sees no tenant.
     */
    public static final String COMPLIANCE = "compliance";
    /** The platform's own compliance officer: what {@link #COMPLIANCE} may do, for every tenant. */
    public static final String PLATFORM_COMPLIANCE = "platform-compliance";

    /**
     * A tenant's administrator: invites and removes the people of the one tenant named by {@link #TENANT_CLAIM},
     * gives and takes their {@link #HOST} role; never grants another role nor touches another tenant.
     */
    public static final String TENANT_ADMIN = "tenant-admin";

    /** Token claim that names the host's tenant; mapped from the Keycloak user attribute of the same name. */
    public static final String TENANT_CLAIM = "plenum_tenant";

    private PlenumRoles() {
    }
}
