package eu.plenum.scheduling;

import eu.plenum.quotas.Quota;
import eu.plenum.quotas.QuotaUsage;
import eu.plenum.scheduling.domain.RegistrationRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** What a tenant uses of its registrations quota: the registrations of its most registered webinar. */
@ApplicationScoped
class RegistrationQuotaUsage implements QuotaUsage {

    private final RegistrationRepository registrations;

    RegistrationQuotaUsage(RegistrationRepository registrations) {
        this.registrations = registrations;
    }

    @Override
    public Quota quota() {
        return Quota.REGISTRATIONS_PER_WEBINAR;
    }

    @Override
    public long of(String tenantId) {
        return registrations.mostOfOneWebinar(tenantId);
    }
}
