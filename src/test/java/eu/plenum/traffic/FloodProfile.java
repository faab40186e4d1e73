package eu.plenum.traffic;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Small limits to flood past: 20 registrations per address per 10 minutes (shared in PostgreSQL), a
 * declared test proxy at 127.0.0.5, a 3 s idle timeout and a 3 s body deadline.
 */
public class FloodProfile implements QuarkusTestProfile {

    static final int CAPACITY = 20;
    static final String PROXY = "127.0.0.5";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("plenum.registration.per-source.requests", String.valueOf(CAPACITY),
                "plenum.registration.per-source.period", "10M",
                "plenum.traffic.trusted-proxies", PROXY,
                "quarkus.http.idle-timeout", "3S",
                "plenum.traffic.body-timeout", "3S");
    }
}
