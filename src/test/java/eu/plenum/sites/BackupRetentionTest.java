package eu.plenum.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.compliance.register.ProcessingRegister;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * What the privacy notice and the Art. 30 register promise (erased data survives in database backups for at most
 * {@code plenum.compliance.retention.backups-kept}) holds for the backups the deployment actually keeps: pgbackrest on
 * the Patroni sites (full backups kept x their interval) and CloudNativePG's recovery window plus its backup interval.
 */
class BackupRetentionTest {

    private static final Path PGBACKREST = Path.of("deploy/sites/pgbackrest");

    @Test
    void pgbackrestKeepsNoBackupLongerThanTheNoticeSays() throws IOException {
        String conf = Files.readString(PGBACKREST.resolve("pgbackrest.conf"));
        int fullInterval = weeklyTimer(Files.readString(PGBACKREST.resolve("plenum-backup-full.timer")));
        List<String> repos = values(conf, "repo([0-9])-type");
        assertEquals(List.of("s3", "s3"), repos, "both sites' object stores");
        for (int repo = 1; repo <= repos.size(); repo++) {
            assertEquals(List.of("count"), values(conf, "repo" + repo + "-retention-full-type"));
            assertEquals(List.of("aes-256-cbc"), values(conf, "repo" + repo + "-cipher-type"), "repo" + repo + " encrypted");
            assertTrue(values(conf, "repo" + repo + "-cipher-pass").isEmpty(), "the passphrase is a secret, not in the repository");
            int kept = Integer.parseInt(values(conf, "repo" + repo + "-retention-full").get(0));
            assertTrue(kept * fullInterval <= backupsKeptDays(), "repo" + repo + ": " + kept + " full backups every " + fullInterval
                    + " days outlive plenum.compliance.retention.backups-kept (" + backupsKeptDays() + " days)");
        }
    }

    @Test
    void cloudNativePgKeepsNoBackupLongerThanTheNoticeSays() throws IOException {
        for (String site : List.of("eu-fra", "eu-sxb")) {
            String manifest = Files.readString(Path.of("deploy/eu-regions", site, "database.yaml"));
            Matcher window = Pattern.compile("retentionPolicy: \"([0-9]+)d\"").matcher(manifest);
            assertTrue(window.find(), site + " has a retention policy");
            Matcher schedule = Pattern.compile("schedule: \"0 0 ([0-9]+) \\* \\* \\*\"").matcher(manifest);
            assertTrue(schedule.find(), site + " backs up daily");
            assertTrue(Integer.parseInt(window.group(1)) + 1 <= backupsKeptDays(), site + ": recovery window + one day");
        }
    }

    /** The default of the key in the register (the privacy notice reads the same key with the same default). */
    private static long backupsKeptDays() {
        for (Constructor<?> constructor : ProcessingRegister.class.getDeclaredConstructors()) {
            for (Parameter parameter : constructor.getParameters()) {
                ConfigProperty property = parameter.getAnnotation(ConfigProperty.class);
                if (property != null && property.name().equals("plenum.compliance.retention.backups-kept")) {
                    String value = property.defaultValue();
                    assertTrue(value.endsWith("d"), value);
                    return Long.parseLong(value.substring(0, value.length() - 1));
                }
            }
        }
        throw new AssertionError("ProcessingRegister no longer reads plenum.compliance.retention.backups-kept");
    }

    private static int weeklyTimer(String timer) {
        Optional<String> calendar = timer.lines().filter(line -> line.startsWith("OnCalendar=")).findFirst();
        assertTrue(calendar.isPresent(), timer);
        assertTrue(calendar.get().matches("OnCalendar=(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \\*-\\*-\\* [0-9:]+"),
                "one day a week (the check counts 7 days per full backup): " + calendar.get());
        return 7;
    }

    private static List<String> values(String conf, String keyPattern) {
        List<String> values = new ArrayList<>();
        Matcher line = Pattern.compile("(?m)^" + keyPattern + "=(.*)$").matcher(conf);
        while (line.find()) {
            values.add(line.group(line.groupCount()).strip());
        }
        assertFalse(values.size() > 2, keyPattern);
        return values;
    }
}
