package eu.plenum.identity.sample;

import eu.plenum.identity.TenantDirectory;
import eu.plenum.identity.TenantOnboarding;
import eu.plenum.identity.TenantOnboarding.NewTenant;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the tenants that the bundled development realm's sample users belong to, so that a
 * fresh local run can sign in as {@code host} at once. Off unless {@code plenum.sample-data.enabled}.
 */
@ApplicationScoped
public class SampleTenants {

    static final List<NewTenant> TENANTS = List.of(
            new NewTenant("acme", "ACME Academy", "eu-fra"),
            new NewTenant("globex", "Globex Learning", "eu-waw"));

    private static final Logger LOG = Logger.getLogger(SampleTenants.class);

    private final boolean enabled;
    private final TenantDirectory directory;
    private final TenantOnboarding onboarding;

    SampleTenants(@ConfigProperty(name = "plenum.sample-data.enabled") boolean enabled,
            TenantDirectory directory, TenantOnboarding onboarding) {
        this.enabled = enabled;
        this.directory = directory;
        this.onboarding = onboarding;
    }

    void createMissing(@Observes StartupEvent started) {
        if (!enabled) {
            return;
        }
        for (NewTenant tenant : TENANTS) {
            if (directory.find(tenant.id()).isEmpty()) {
                onboarding.register(tenant);
                LOG.infof("Created sample tenant %s", tenant.id());
            }
        }
    }
}
