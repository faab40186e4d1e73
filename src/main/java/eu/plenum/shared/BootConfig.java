package eu.plenum.shared;

import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The configuration as the launcher sees it before Quarkus boots: system properties, environment
 * and the packaged application.properties, with the active profile. Used only for the checks that
 * must pass before anything touches a database.
 */
public final class BootConfig {

    private BootConfig() {
    }

    public static SmallRyeConfig load(Class<?>... mappings) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .withProfile(profile())
                .addDefaultInterceptors()
                .addDefaultSources();
        URL properties = BootConfig.class.getClassLoader().getResource("application.properties");
        if (properties != null) {
            try {
                builder.withSources(new PropertiesConfigSource(properties, 250));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        // Like Quarkus: config/application.properties in the working directory overrides the packaged file.
        Path local = Path.of("config", "application.properties");
        if (Files.isRegularFile(local)) {
            try {
                builder.withSources(new PropertiesConfigSource(local.toUri().toURL(), 260));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Class<?> mapping : mappings) {
            builder.withMapping(mapping);
        }
        return builder.build();
    }

    /** The profile Quarkus will run with: explicit, else dev under quarkus:dev, else the launch mode's (prod in the jar). */
    private static String profile() {
        return Optional.ofNullable(System.getProperty("quarkus.profile"))
                .or(() -> Optional.ofNullable(System.getenv("QUARKUS_PROFILE")))
                .or(BootConfig::bootstrapProfile)
                .orElseGet(() -> LaunchMode.current().getDefaultProfile());
    }

    /**
     * Before Quarkus boots, dev mode has not set the launch mode yet; what tells it is the class
     * loader that quarkus:dev runs the launcher in, named after its bootstrap mode.
     */
    private static Optional<String> bootstrapProfile() {
        String prefix = "Quarkus Runtime ClassLoader: ";
        String loader = Optional.ofNullable(BootConfig.class.getClassLoader().getName()).orElse("");
        if (!loader.startsWith(prefix)) {
            return Optional.empty();
        }
        String mode = loader.substring(prefix.length());
        if (mode.startsWith("DEV") || mode.startsWith("REMOTE_DEV")) {
            return Optional.of(LaunchMode.DEV_PROFILE);
        }
        if (mode.startsWith("TEST") || mode.startsWith("CONTINUOUS_TEST")) {
            return Optional.of(LaunchMode.TEST_PROFILE);
        }
        return Optional.empty();
    }
}
