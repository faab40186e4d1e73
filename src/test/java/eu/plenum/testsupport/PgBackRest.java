package eu.plenum.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's pgbackrest with an encrypted (aes-256-cbc) repository in a fresh folder, for the backup and restore
 * tests: the same options as deploy/sites/pgbackrest/pgbackrest.conf except that the repository is a posix folder
 * rather than the site's S3 store (pgbackrest's S3 client insists on TLS to a host name, which s3proxy on a loopback
 * port does not offer) and nothing is compressed (so a test can look for clear text in the repository's files). The
 * passphrase is made per run; run as the postgres user; {@link #close} removes the folder.
 */
public final class PgBackRest implements AutoCloseable {

    public static final String STANZA = "plenum";

    private final Path dir;
    private final Path config;
    private final String passphrase;
    private final int retentionFull;
    private final String compressType;

    private PgBackRest(Path dir, int retentionFull, String compressType) {
        this.dir = dir;
        this.config = dir.resolve("pgbackrest.conf");
        this.passphrase = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
        this.retentionFull = retentionFull;
        this.compressType = compressType;
    }

    /** A repository that keeps {@code retentionFull} full backups (and the WAL and differentials they need). */
    public static PgBackRest posixRepository(int retentionFull) {
        return posixRepository(retentionFull, "none");
    }

    /** As {@link #posixRepository(int)}, compressed as named (the sites' configuration uses zst), for measurements. */
    public static PgBackRest posixRepository(int retentionFull, String compressType) {
        try {
            Path dir = Files.createTempDirectory("plenum-pgbackrest");
            run(List.of("chown", "postgres:postgres", dir.toString()), false);
            run(List.of("chmod", "700", dir.toString()), false);
            PgBackRest backRest = new PgBackRest(dir, retentionFull, compressType);
            backRest.writeConfig(null, 0);
            return backRest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** postgresql.conf lines for continuous WAL archiving into this repository (as Patroni's parameters set them). */
    public List<String> archiveSettings() {
        return List.of("archive_mode = on", "archive_command = '" + command() + " archive-push %p'");
    }

    /** Names the server in the configuration and creates the stanza (the repository's record of this cluster). */
    public void createStanza(PostgresServer server) {
        writeConfig(server.dataDir(), server.port());
        pgbackrest("stanza-create");
    }

    /** A base backup of {@code type} full, diff or incr; expires what retention no longer needs afterwards. */
    public void backup(String type) {
        pgbackrest("--type=" + type, "backup");
    }

    /** Forces a WAL switch and waits until the segment is archived: every commit so far is in the repository. */
    public void check() {
        pgbackrest("check");
    }

    /** Restores into the empty folder {@code into} with recovery options such as {@code --type=time --target=...}. */
    public void restore(Path into, List<String> recovery) {
        List<String> arguments = new ArrayList<>(List.of("--pg1-path=" + into, "--archive-mode=off"));
        arguments.addAll(recovery);
        arguments.add("restore");
        pgbackrest(arguments.toArray(String[]::new));
    }

    /** {@code pgbackrest info --output=json}. */
    public String info() {
        return pgbackrest("--output=json", "info");
    }

    public Path repository() {
        return dir.resolve("repo");
    }

    @Override
    public void close() {
        try {
            run(List.of("rm", "-rf", dir.toString()), false);
        } catch (RuntimeException ignored) {
            // best effort
        }
    }

    private String command() {
        return "pgbackrest --config=" + config + " --stanza=" + STANZA;
    }

    private String pgbackrest(String... arguments) {
        List<String> command = new ArrayList<>(List.of("pgbackrest", "--config=" + config, "--stanza=" + STANZA));
        command.addAll(List.of(arguments));
        return run(command, true);
    }

    private void writeConfig(Path dataDir, int port) {
        String text = String.join("\n", "[global]", "repo1-path=" + repository(), "repo1-cipher-type=aes-256-cbc",
                "repo1-cipher-pass=" + passphrase, "repo1-retention-full-type=count", "repo1-retention-full=" + retentionFull,
                "compress-type=" + compressType, "process-max=2", "start-fast=y", "log-level-console=warn", "log-level-file=off", "lock-path=" + dir.resolve("lock"),
                "spool-path=" + dir.resolve("spool"), "", "[" + STANZA + "]",
                dataDir == null ? "" : "pg1-path=" + dataDir, dataDir == null ? "" : "pg1-port=" + port, "");
        try {
            Files.writeString(config, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(List.of("chown", "postgres:postgres", config.toString()), false);
        run(List.of("chmod", "600", config.toString()), false);
    }

    private static String run(List<String> command, boolean asPostgres) {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Path output = Files.createTempFile("plenum-pgbackrest", ".log");
            try {
                Process process = new ProcessBuilder(full).directory(Path.of("/").toFile()).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                if (!process.waitFor(3, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish:\n" + Files.readString(output));
                }
                String text = Files.readString(output);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " failed:\n" + text);
                }
                return text;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
