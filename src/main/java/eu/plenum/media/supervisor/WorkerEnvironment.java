package eu.plenum.media.supervisor;

import java.util.Map;
import java.util.Set;

/**
 * The environment a media worker starts with: an allow-list, not the app's own. A worker parses
 * untrusted network media in native code; if it is ever taken over, it must not find the app's
 * database password, OIDC secrets or link keys in its environment. It needs only what finds
 * programs, locales and GStreamer's plugins; its control secret is added by the launcher, and its
 * configuration comes from the command line the launcher writes.
 */
final class WorkerEnvironment {

    /** Variables passed on as they are. */
    private static final Set<String> KEPT = Set.of("PATH", "LANG", "LANGUAGE", "TZ", "TMPDIR", "HOME", "USER", "LOGNAME");
    /** Prefixes passed on: locales and GStreamer's own settings (plugin paths, registry, debug levels). */
    private static final Set<String> KEPT_PREFIXES = Set.of("LC_", "GST_");

    private WorkerEnvironment() {
    }

    /** Removes every variable of {@code environment} that is not on the allow-list. */
    static void restrict(Map<String, String> environment) {
        environment.keySet().removeIf(name -> !allowed(name));
    }

    static boolean allowed(String name) {
        return KEPT.contains(name) || KEPT_PREFIXES.stream().anyMatch(name::startsWith);
    }
}
