package eu.plenum.quotas;

import eu.plenum.shared.PlenumException;
import java.util.Map;

/** A piece of work would go beyond one of the tenant's quotas: a 409 naming the quota, its limit and the usage. */
public class QuotaExceededException extends PlenumException {

    private final Quota quota;
    private final long limit;
    private final long usage;

    public QuotaExceededException(Quota quota, long limit, long usage, String detail) {
        super("quota-exceeded", detail);
        this.quota = quota;
        this.limit = limit;
        this.usage = usage;
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("quota", Map.of("name", quota.key(), "limit", limit, "usage", usage));
    }

    public Quota quota() {
        return quota;
    }
}
