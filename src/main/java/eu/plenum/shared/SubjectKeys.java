package eu.plenum.shared;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A person as a keyed hash: HMAC-SHA256 of tenant and normalised e-mail address under
 * {@code plenum.compliance.subject-key}. The audit log and the list of erased subjects name people
 * only this way, so they hold no address in clear and survive the person's erasure; without the key
 * nobody can test a guessed address against them.
 */
@ApplicationScoped
public class SubjectKeys {

    /** The non-secret key of dev mode and tests; production refuses to start with it. */
    public static final String DEV_KEY = "plenum-dev-and-test-subject-key-not-secret";

    private final SecretKeySpec key;

    /**
     * @param configured env {@code PLENUM_COMPLIANCE_SUBJECT_KEY}, at least 32 characters. Never
     *                   change it on a running installation: erasures listed under the old key would
     *                   no longer be found again after a backup restore.
     */
    SubjectKeys(@ConfigProperty(name = "plenum.compliance.subject-key") Optional<String> configured) {
        String value = configured.map(String::strip).filter(text -> !text.isEmpty()).orElse(DEV_KEY);
        if (value.length() < 32) {
            throw new IllegalStateException("plenum.compliance.subject-key (PLENUM_COMPLIANCE_SUBJECT_KEY) must have at least 32 characters.");
        }
        this.key = new SecretKeySpec(value.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The e-mail address as every context compares it: trimmed, lower case. */
    public static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /** The person's key within one tenant, 64 hex characters. */
    public String of(String tenantId, String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((tenantId + "\n" + normalise(email)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** A production app node must not run with a key that is missing or published in this repository. */
    static void refuseDevKeyInProduction(@Observes StartupEvent started, NodeConfig node,
            @ConfigProperty(name = "plenum.compliance.subject-key") Optional<String> configured) {
        boolean devKey = configured.map(String::strip).filter(value -> !value.isEmpty() && !value.equals(DEV_KEY)).isEmpty();
        if (LaunchMode.current() == LaunchMode.NORMAL && node.plays(NodeRole.APP) && devKey) {
            throw new IllegalStateException("No key for data-subject hashes: set PLENUM_COMPLIANCE_SUBJECT_KEY "
                    + "(plenum.compliance.subject-key) to a random secret of at least 32 characters (e.g. `openssl rand -base64 32`), "
                    + "and keep it: the list of erased people is kept under it.");
        }
    }
}
