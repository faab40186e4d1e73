package eu.plenum.identity;

import io.smallrye.config.SmallRyeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a production app node must have before it may start: its own OIDC client secret (not the
 * development one that the repository ships), a cookie-encryption secret of its own, and the secret of
 * the console's Keycloak service account, so that no session cookie, token exchange or change of people
 * depends on a value anyone can read on GitHub, and the console never fails only when first used.
 */
public final class IdentityStartupCheck {

    /** The plenum-web secret of the dev and test profiles (application.properties, %dev/%test). */
    static final String DEV_CLIENT_SECRET = "plenum-web-dev-secret";
    /** The cookie-encryption secret of the dev and test profiles. */
    static final String DEV_COOKIE_SECRET = "plenum-dev-cookie-encryption-secret-0000";
    static final int MIN_COOKIE_SECRET_LENGTH = 32;

    private static final String CLIENT_SECRET = "quarkus.oidc.credentials.secret";
    private static final String CLIENT_SECRET_VALUE = "quarkus.oidc.credentials.client-secret.value";
    private static final String API_CLIENT_SECRET = "quarkus.oidc.api.credentials.secret";
    private static final String COOKIE_SECRET = "quarkus.oidc.token-state-manager.encryption-secret";
    static final String CONSOLE_CLIENT_SECRET = "quarkus.keycloak.admin-client.client-secret";

    private IdentityStartupCheck() {
    }

    /** Dev and test profiles run with the repository's secrets on purpose; every other profile must not. */
    public static boolean appliesTo(SmallRyeConfig config) {
        return config.getProfiles().stream().noneMatch(profile -> profile.equals("dev") || profile.equals("test"));
    }

    public static List<String> violations(SmallRyeConfig config) {
        List<String> problems = new ArrayList<>();
        Optional<String> clientSecret = value(config, CLIENT_SECRET).or(() -> value(config, CLIENT_SECRET_VALUE));
        if (clientSecret.isEmpty()) {
            problems.add("No OIDC client secret: set " + CLIENT_SECRET + " (env QUARKUS_OIDC_CREDENTIALS_SECRET) to the secret"
                    + " of the plenum-web client in Keycloak");
        } else if (clientSecret.get().equals(DEV_CLIENT_SECRET)) {
            problems.add(CLIENT_SECRET + " is the development secret published in the repository: give the plenum-web"
                    + " client in Keycloak a secret of its own and set it here (env QUARKUS_OIDC_CREDENTIALS_SECRET)");
        }
        if (value(config, API_CLIENT_SECRET).filter(DEV_CLIENT_SECRET::equals).isPresent()) {
            problems.add(API_CLIENT_SECRET + " is the development secret published in the repository"
                    + " (env QUARKUS_OIDC_API_CREDENTIALS_SECRET)");
        }
        Optional<String> cookieSecret = value(config, COOKIE_SECRET);
        if (cookieSecret.isEmpty()) {
            problems.add("No cookie-encryption secret: set " + COOKIE_SECRET
                    + " (env QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET) to a random value of at least "
                    + MIN_COOKIE_SECRET_LENGTH + " characters, the same on every app node");
        } else if (cookieSecret.get().equals(DEV_COOKIE_SECRET)) {
            problems.add(COOKIE_SECRET + " is the development secret published in the repository");
        } else if (cookieSecret.get().length() < MIN_COOKIE_SECRET_LENGTH) {
            problems.add(COOKIE_SECRET + " is shorter than " + MIN_COOKIE_SECRET_LENGTH + " characters");
        }
        if (value(config, CONSOLE_CLIENT_SECRET).isEmpty()) {
            problems.add("No secret for the console's Keycloak service account: set " + CONSOLE_CLIENT_SECRET
                    + " (env QUARKUS_KEYCLOAK_ADMIN_CLIENT_CLIENT_SECRET) to the secret of the plenum-console client in Keycloak");
        }
        return problems;
    }

    private static Optional<String> value(SmallRyeConfig config, String name) {
        return config.getOptionalValue(name, String.class).map(String::strip).filter(value -> !value.isEmpty());
    }
}
