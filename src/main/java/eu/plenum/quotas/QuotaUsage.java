package eu.plenum.quotas;

/**
 * What a tenant uses of one quota now, measured by the context that owns the work (media: live rooms, viewers,
 * recording bytes; scheduling: registrations), so that this context reads no other context's tables.
 */
public interface QuotaUsage {

    Quota quota();

    /** The tenant's usage now; for a per-room or per-webinar quota, the largest room's or webinar's. */
    long of(String tenantId);
}
