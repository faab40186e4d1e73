package eu.plenum.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two sites and a witness as the operator runs them (deploy/sites/two-sites), made for one test:
 * three network namespaces joined pairwise by veth links, an etcd member in each (peer and client
 * TLS with certificates of a CA made for this run), and a Patroni-managed PostgreSQL from Debian's
 * packages at sites A and B (REST API over TLS with a password, synchronous mode). The test reaches
 * each site's PostgreSQL through a socat forwarder on a free loopback port, which does not cross the
 * links, so cutting a site's links leaves the test's view of it intact. Everything is stopped by PID.
 */
public final class PatroniSites implements AutoCloseable {

    /** A place of the cluster; the witness holds an etcd member only. */
    public enum Site {
        A("a", "10.251.0.1"), B("b", "10.251.0.2"), WITNESS("w", "10.251.0.3");

        final String letter;
        final String address;

        Site(String letter, String address) {
            this.letter = letter;
            this.address = address;
        }

        /** Patroni's member name (and the standby's application_name). */
        public String member() {
            return "site_" + letter;
        }
    }

    /**
     * Patroni's timing, chosen for the two-site link (the same values as deploy/sites/two-sites): ttl 20 s is
     * Patroni's minimum; loop_wait 2 s notices a crash quickly at the price of a DCS round trip every 2 s;
     * retry_timeout 7 s keeps loop_wait + 2 x retry_timeout (16 s) under ttl, so a cut-off primary demotes
     * itself before its leader key can expire and the other site take it.
     */
    public static final int TTL = 20;
    public static final int LOOP_WAIT = 2;
    public static final int RETRY_TIMEOUT = 7;
    public static final String SUPERUSER_PASSWORD = "patroni-it-superuser";
    public static final String REST_PASSWORD = "patroni-it-rest";

    private static final Path PG_BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final String prefix;
    private final Path dir;
    private final boolean strict;
    private final Map<Site, Process> etcd = new EnumMap<>(Site.class);
    private final Map<Site, Process> patroni = new EnumMap<>(Site.class);
    private final Map<Site, Integer> pgPorts = new EnumMap<>(Site.class);
    private final List<Process> forwarders = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();

    private PatroniSites(boolean strict) throws IOException {
        this.prefix = "pt" + ProcessHandle.current().pid() + "x" + RUNS.incrementAndGet();
        this.dir = Files.createTempDirectory("plenum-patroni-");
        this.strict = strict;
    }

    /**
     * Starts the witness and both sites; A bootstraps the cluster and leads, B becomes its synchronous
     * standby. {@code strict}: Patroni's synchronous_mode_strict (plenum.sites.on-standby-loss=block).
     */
    public static PatroniSites start(boolean strict) throws Exception {
        PatroniSites sites = new PatroniSites(strict);
        try {
            sites.network();
            sites.certificates();
            for (Site site : Site.values()) {
                sites.startEtcd(site);
            }
            sites.startPatroni(Site.A);
            sites.await(Duration.ofSeconds(90), "site A leading", () -> sites.leader().equals(Optional.of(Site.A)));
            sites.startPatroni(Site.B);
            sites.await(Duration.ofSeconds(90), "site B as synchronous standby", () -> sites.synchronousStandby(Site.B));
            for (Site site : List.of(Site.A, Site.B)) {
                sites.pgPorts.put(site, sites.forward(site, "127.0.0.1", 5432, "pg"));
            }
            return sites;
        } catch (Exception | AssertionError e) {
            System.out.println(sites.logs());
            sites.close();
            throw e;
        }
    }

    /** The multi-host URL the app uses: whichever site's server is primary. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + pgPorts.get(Site.A) + ",127.0.0.1:" + pgPorts.get(Site.B) + "/" + database
                + "?targetServerType=primary&connectTimeout=2&socketTimeout=30&loginTimeout=5";
    }

    /** A superuser connection to one site's server (whatever its role). */
    public Connection connect(Site site) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPorts.get(site) + "/postgres?connectTimeout=2&socketTimeout=30",
                "postgres", SUPERUSER_PASSWORD);
    }

    public Connection connectPrimary() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), "postgres", SUPERUSER_PASSWORD);
    }

    /**
     * The app's settings for Patroni's REST API ({@code plenum.sites.patroni.*}) reaching the members of {@code sites}
     * through loopback forwarders (the certificates name 127.0.0.1 too), with the REST password and this run's CA.
     */
    public eu.plenum.sites.SitesConfig.Patroni restConfig(Site... sites) throws Exception {
        List<String> urls = new ArrayList<>();
        for (Site site : sites) {
            urls.add("https://127.0.0.1:" + forward(site, site.address, 8008, "rest"));
        }
        Path ca = dir.resolve("tls").resolve("ca.crt");
        return new eu.plenum.sites.SitesConfig.Patroni() {
            @Override
            public Optional<List<String>> restUrls() {
                return Optional.of(urls);
            }

            @Override
            public String username() {
                return "patroni";
            }

            @Override
            public Optional<String> password() {
                return Optional.of(REST_PASSWORD);
            }

            @Override
            public Optional<Path> caFile() {
                return Optional.of(ca);
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(10);
            }
        };
    }

    /** Patroni's view from {@code site}: {@code patronictl list} as JSON (empty when it cannot answer). */
    public String members(Site site) {
        try {
            return inSite(site, List.of("patronictl", "-c", config(site).toString(), "list", "-f", "json"), 20);
        } catch (IllegalStateException unreachable) {
            return "";
        }
    }

    /** Who holds the leader key, as the site B or A (whichever answers) sees it in etcd. */
    public Optional<Site> leader() {
        for (Site site : List.of(Site.B, Site.A)) {
            Optional<Site> leader = memberWithRole(members(site), "Leader");
            if (leader.isPresent()) {
                return leader;
            }
        }
        return Optional.empty();
    }

    /** Whether Patroni lists {@code site} as the synchronous standby and PostgreSQL confirms it (sync, streaming). */
    public boolean synchronousStandby(Site site) {
        Optional<Site> leader = leader();
        if (leader.isEmpty() || memberWithRole(members(leader.get()), "Sync Standby").filter(site::equals).isEmpty()) {
            return false;
        }
        if (pgPorts.isEmpty()) {
            return true; // during start, before the forwarders: Patroni's word is enough
        }
        try (Connection connection = connect(leader.get());
                var rows = connection.createStatement().executeQuery("SELECT count(*) FROM pg_stat_replication WHERE application_name = '"
                        + site.member() + "' AND sync_state = 'sync' AND state = 'streaming'")) {
            rows.next();
            return rows.getInt(1) == 1;
        } catch (SQLException notYet) {
            return false;
        }
    }

    /** Whether the site's server runs as a standby (in recovery). */
    public boolean inRecovery(Site site) throws SQLException {
        try (Connection connection = connect(site); var rows = connection.createStatement().executeQuery("SELECT pg_is_in_recovery()")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    /**
     * SIGKILL to the site's postmaster and, at once, to its server processes: a crashed database server. (Left
     * alone, the orphaned processes end by themselves, but one still attached to the old shared memory keeps
     * Patroni from starting the server again until it has: not what this test is about.)
     */
    public long killPostmaster(Site site) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(dataDir(site).resolve("postmaster.pid")).get(0).strip());
        ProcessHandle.of(pid).ifPresent(postmaster -> {
            List<ProcessHandle> children = postmaster.children().toList();
            postmaster.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        });
        return pid;
    }

    /** SIGKILL to the site's Patroni, postmaster and etcd member at once: the site's machine is gone. */
    public void killNode(Site site) throws IOException, InterruptedException {
        Process patroniProcess = patroni.remove(site);
        patroniProcess.destroyForcibly();
        killPostmaster(site);
        killEtcd(site);
        patroniProcess.waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts a killed site's etcd member and Patroni again on their kept data: it rejoins as a standby. */
    public void startNode(Site site) throws IOException {
        restartEtcd(site);
        startPatroni(site);
    }

    /** Takes down both of the site's links (to the other site and to the witness): the site is cut off. */
    public void cut(Site site) {
        for (Site peer : peers(site)) {
            root(List.of("ip", "-n", namespace(site), "link", "set", link(site, peer), "down"));
        }
    }

    /** Brings the site's links back (with their routes, which a link going down removes). */
    public void heal(Site site) {
        for (Site peer : peers(site)) {
            root(List.of("ip", "-n", namespace(site), "link", "set", link(site, peer), "up"));
            root(List.of("ip", "-n", namespace(site), "route", "replace", peer.address + "/32", "dev", link(site, peer), "src", site.address));
            root(List.of("ip", "-n", namespace(peer), "route", "replace", site.address + "/32", "dev", link(peer, site), "src", peer.address));
        }
    }

    /** Stops the etcd member of {@code site} (SIGKILL: the machine is gone). */
    public void killEtcd(Site site) throws InterruptedException {
        Process process = etcd.remove(site);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts the etcd member of {@code site} again on its kept data: it rejoins the cluster. */
    public void restartEtcd(Site site) throws IOException {
        startEtcd(site, "existing");
    }

    /** Timeline of the site's server. */
    public int timeline(Site site) throws SQLException {
        try (Connection connection = connect(site); var rows = connection.createStatement()
                .executeQuery("SELECT timeline_id FROM pg_control_checkpoint()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    public void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " did not happen within " + timeout.toSeconds() + " s\n" + logs());
            }
            Thread.sleep(250);
        }
    }

    /** The tails of Patroni's and etcd's logs, for a failure message. */
    public String logs() {
        StringBuilder text = new StringBuilder();
        for (Site site : Site.values()) {
            for (String log : List.of("patroni.log", "etcd.log")) {
                Path file = siteDir(site).resolve(log);
                if (Files.exists(file)) {
                    try {
                        List<String> lines = Files.readAllLines(file);
                        text.append("--- ").append(site).append(' ').append(log).append('\n');
                        lines.subList(Math.max(0, lines.size() - 25), lines.size()).forEach(line -> text.append(line).append('\n'));
                    } catch (IOException ignored) {
                        // best effort
                    }
                }
            }
        }
        return text.toString();
    }

    public Path patroniLog(Site site) {
        return siteDir(site).resolve("patroni.log");
    }

    @Override
    public void close() {
        patroni.values().forEach(PatroniSites::stopWithChildren);
        for (Site site : List.of(Site.A, Site.B)) {
            Path pidFile = dataDir(site).resolve("postmaster.pid");
            try {
                if (Files.exists(pidFile)) {
                    long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
            } catch (IOException | RuntimeException ignored) {
                // gone already
            }
        }
        etcd.values().forEach(PatroniSites::stopWithChildren);
        forwarders.forEach(PatroniSites::stopWithChildren);
        for (String namespace : namespaces) {
            quietly(List.of("ip", "netns", "del", namespace));
        }
        quietly(List.of("rm", "-rf", dir.toString()));
    }

    private void network() {
        for (Site site : Site.values()) {
            root(List.of("ip", "netns", "add", namespace(site)));
            namespaces.add(namespace(site));
            root(List.of("ip", "-n", namespace(site), "link", "set", "lo", "up"));
            root(List.of("ip", "-n", namespace(site), "addr", "add", site.address + "/32", "dev", "lo"));
        }
        for (Site[] pair : new Site[][] {{Site.A, Site.B}, {Site.A, Site.WITNESS}, {Site.B, Site.WITNESS}}) {
            Site one = pair[0];
            Site two = pair[1];
            root(List.of("ip", "link", "add", link(one, two), "netns", namespace(one), "type", "veth", "peer", "name", link(two, one),
                    "netns", namespace(two)));
            for (Site[] ends : new Site[][] {{one, two}, {two, one}}) {
                root(List.of("ip", "-n", namespace(ends[0]), "link", "set", link(ends[0], ends[1]), "up"));
                root(List.of("ip", "-n", namespace(ends[0]), "route", "add", ends[1].address + "/32", "dev", link(ends[0], ends[1]), "src",
                        ends[0].address));
            }
        }
    }

    private void certificates() {
        Path tls = dir.resolve("tls");
        String san = "subjectAltName=IP:127.0.0.1," + String.join(",", List.of(Site.values()).stream().map(s -> "IP:" + s.address).toList());
        root(List.of("sh", "-ec", "mkdir -p '" + tls + "' && cd '" + tls + "'"
                + " && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ca.key -out ca.crt -days 2 -subj /CN=plenum-sites-ca"
                + " && openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout node.key -out node.csr -subj /CN=plenum-site"
                + " && printf '%s\\n' '" + san + "' 'extendedKeyUsage=serverAuth,clientAuth' > ext"
                + " && openssl x509 -req -in node.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out node.crt -days 2 -extfile ext"
                + " && rm ca.key node.csr && chmod 600 node.key && chown -R postgres:postgres . && chmod 755 '" + dir + "'"));
    }

    private void startEtcd(Site site) throws IOException {
        Path data = siteDir(site).resolve("etcd");
        root(List.of("install", "-d", "-o", "postgres", "-g", "postgres", "-m", "700", siteDir(site).toString(), data.toString()));
        startEtcd(site, "new");
    }

    private void startEtcd(Site site, String state) throws IOException {
        Path tls = dir.resolve("tls");
        String cluster = String.join(",", List.of(Site.values()).stream().map(s -> "etcd_" + s.letter + "=https://" + s.address + ":2380").toList());
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace(site), "setpriv", "--reuid", "postgres", "--regid",
                "postgres", "--init-groups", "etcd", "--name", "etcd_" + site.letter, "--data-dir", siteDir(site).resolve("etcd").toString(),
                // The v2 API: Debian's Patroni 3.0.2 can overwrite a newer leader key through its etcd3 driver after a
                // partition heals (fixed upstream in 3.0.3); its etcd (v2) driver updates the key compare-and-swap.
                "--enable-v2",
                "--listen-peer-urls", "https://" + site.address + ":2380", "--initial-advertise-peer-urls", "https://" + site.address + ":2380",
                "--listen-client-urls", "https://127.0.0.1:2379,https://" + site.address + ":2379",
                "--advertise-client-urls", "https://" + site.address + ":2379",
                "--initial-cluster", cluster, "--initial-cluster-state", state, "--initial-cluster-token", prefix,
                "--cert-file", tls.resolve("node.crt").toString(), "--key-file", tls.resolve("node.key").toString(),
                "--trusted-ca-file", tls.resolve("ca.crt").toString(), "--client-cert-auth",
                "--peer-cert-file", tls.resolve("node.crt").toString(), "--peer-key-file", tls.resolve("node.key").toString(),
                "--peer-trusted-ca-file", tls.resolve("ca.crt").toString(), "--peer-client-cert-auth",
                // Heartbeat and election timeout above the defaults (100/1000 ms): two loaded cores must not cause elections.
                "--heartbeat-interval", "200", "--election-timeout", "2000"));
        etcd.put(site, new ProcessBuilder(command).directory(new java.io.File("/")).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(siteDir(site).resolve("etcd.log").toFile())).start());
    }

    private void startPatroni(Site site) throws IOException {
        Path tls = dir.resolve("tls");
        Path config = config(site);
        String yaml = """
                scope: plenum
                namespace: /plenum/
                name: %1$s
                restapi:
                  listen: %2$s:8008
                  connect_address: %2$s:8008
                  certfile: %3$s/node.crt
                  keyfile: %3$s/node.key
                  cafile: %3$s/ca.crt
                  authentication: {username: patroni, password: %11$s}
                ctl: {certfile: %3$s/node.crt, keyfile: %3$s/node.key, cacert: %3$s/ca.crt}
                etcd:
                  hosts: [127.0.0.1:2379, 10.251.0.1:2379, 10.251.0.2:2379, 10.251.0.3:2379]
                  protocol: https
                  cacert: %3$s/ca.crt
                  cert: %3$s/node.crt
                  key: %3$s/node.key
                bootstrap:
                  dcs:
                    ttl: %5$d
                    loop_wait: %6$d
                    retry_timeout: %7$d
                    primary_start_timeout: 0
                    maximum_lag_on_failover: 0
                    synchronous_mode: true
                    synchronous_mode_strict: %8$s
                    postgresql:
                      use_pg_rewind: true
                      use_slots: true
                      parameters: {wal_level: replica, wal_log_hints: 'on', max_wal_senders: 5, max_replication_slots: 5, wal_keep_size: 256MB,
                        wal_sender_timeout: 10s, wal_receiver_timeout: 10s}
                  initdb: [{encoding: UTF8}, data-checksums]
                postgresql:
                  listen: 127.0.0.1,%2$s:5432
                  connect_address: %2$s:5432
                  data_dir: %4$s/pg
                  bin_dir: %9$s
                  pgpass: %4$s/pgpass
                  authentication:
                    superuser: {username: postgres, password: %10$s}
                    replication: {username: replicator, password: patroni-it-replication}
                    rewind: {username: rewinder, password: patroni-it-rewind}
                  parameters: {unix_socket_directories: '%4$s'}
                  pg_hba:
                    - local all all trust
                    - host replication replicator 10.251.0.0/24 scram-sha-256
                    - host replication replicator 127.0.0.1/32 scram-sha-256
                    - host all all 10.251.0.0/24 scram-sha-256
                    - host all all 127.0.0.1/32 scram-sha-256
                """.formatted(site.member(), site.address, tls, siteDir(site), TTL, LOOP_WAIT, RETRY_TIMEOUT, strict, PG_BIN,
                SUPERUSER_PASSWORD, REST_PASSWORD);
        Files.writeString(config, yaml);
        root(List.of("sh", "-c", "chown postgres:postgres '" + config + "' && chmod 600 '" + config + "'"));
        ProcessBuilder builder = new ProcessBuilder("ip", "netns", "exec", namespace(site), "setpriv", "--reuid", "postgres", "--regid",
                "postgres", "--init-groups", "env", "HOME=" + siteDir(site), "patroni", config.toString())
                // Started in "/", not in the project: a CI clone lies in a root-only (700) folder that postgres cannot enter.
                .directory(new java.io.File("/")).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(siteDir(site).resolve("patroni.log").toFile()));
        // libpq's variables would override the passfile Patroni gives its replication and pg_rewind.
        builder.environment().keySet().removeIf(variable -> variable.startsWith("PG"));
        patroni.put(site, builder.start());
    }

    /** A loopback port of this machine forwarded into the site's namespace (through a Unix socket, not the links). */
    private int forward(Site site, String host, int inside, String label) throws Exception {
        Path socket = siteDir(site).resolve(label + ".sock");
        forwarders.add(new ProcessBuilder("ip", "netns", "exec", namespace(site), "socat", "UNIX-LISTEN:" + socket + ",fork,unlink-early",
                "TCP:" + host + ":" + inside).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        await(Duration.ofSeconds(15), "forwarder socket " + socket, () -> Files.exists(socket));
        int port = FreePorts.next();
        forwarders.add(new ProcessBuilder("socat", "TCP-LISTEN:" + port + ",bind=127.0.0.1,reuseaddr,fork", "UNIX-CONNECT:" + socket)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        await(Duration.ofSeconds(15), "forwarder port " + port, () -> {
            try (var probe = new java.net.Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
        return port;
    }

    private static Optional<Site> memberWithRole(String json, String role) {
        Matcher member = Pattern.compile("\\{[^}]*\"Member\": \"(site_[abw])\"[^}]*\"Role\": \"" + role + "\"[^}]*}").matcher(json);
        while (member.find()) {
            String name = member.group(1);
            for (Site site : Site.values()) {
                if (site.member().equals(name)) {
                    return Optional.of(site);
                }
            }
        }
        return Optional.empty();
    }

    private String inSite(Site site, List<String> command, int seconds) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace(site)));
        full.addAll(command);
        return run(full, seconds);
    }

    private static List<Site> peers(Site site) {
        return List.of(Site.values()).stream().filter(peer -> peer != site).toList();
    }

    private String namespace(Site site) {
        return prefix + "-" + site.letter;
    }

    private static String link(Site from, Site to) {
        return "l" + from.letter + to.letter;
    }

    private Path siteDir(Site site) {
        return dir.resolve(site.letter);
    }

    private Path dataDir(Site site) {
        return siteDir(site).resolve("pg");
    }

    private Path config(Site site) {
        return siteDir(site).resolve("patroni.yml");
    }

    private static void stopWithChildren(Process process) {
        ProcessTrees.stop(process);
    }

    private static void root(List<String> command) {
        run(command, 60);
    }

    private static void quietly(List<String> command) {
        try {
            run(command, 60);
        } catch (RuntimeException ignored) {
            // already gone
        }
    }

    private static String run(List<String> command, int seconds) {
        try {
            Path output = Files.createTempFile("plenum-patroni-command", ".log");
            try {
                Process process = new ProcessBuilder(command).directory(new java.io.File("/")).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).start();
                if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
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
