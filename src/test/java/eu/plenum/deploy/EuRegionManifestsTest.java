package eu.plenum.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import eu.plenum.residency.Jurisdiction;
import eu.plenum.residency.Region;
import eu.plenum.residency.RegionCatalogue;
import eu.plenum.testsupport.ProjectPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What an operator applies from deploy/eu-regions/ is checked like code: every manifest parses,
 * every region folder and declared region is in the catalogue, storage sits only where personal
 * data may rest, a third-country entry point runs only the edge role, and the image is built from
 * the same Debian package list as CI.
 */
class EuRegionManifestsTest {

    private static final Path DEPLOY = ProjectPaths.root().resolve("deploy/eu-regions");
    private static final RegionCatalogue CATALOGUE = RegionCatalogue.load(Optional.empty());
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static List<Path> regionFolders() throws IOException {
        try (Stream<Path> entries = Files.list(DEPLOY)) {
            return entries.filter(Files::isDirectory).filter(dir -> !dir.getFileName().toString().equals("base")).sorted().toList();
        }
    }

    private static List<JsonNode> documents(Path dir) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            // regions.yaml is the catalogue, not a manifest.
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("regions.yaml")).toList()) {
                try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                    docs.readAll().stream().filter(doc -> !doc.isNull() && !doc.isEmpty()).forEach(documents::add);
                }
            }
        }
        return documents;
    }

    private static Properties residency(Path region) throws IOException {
        Properties env = new Properties();
        try (var in = Files.newBufferedReader(region.resolve("residency.properties"))) {
            env.load(in);
        }
        return env;
    }

    @Test
    void everyManifestParsesAndNamesItsKind() throws IOException {
        List<JsonNode> all = documents(DEPLOY);
        assertTrue(all.size() >= 10, "manifests found: " + all.size());
        for (JsonNode doc : all) {
            assertTrue(doc.has("apiVersion") && doc.has("kind"), "not a Kubernetes object: " + doc);
        }
    }

    @Test
    void everyRegionFolderAndDeclaredRegionIsInTheCatalogue() throws IOException {
        List<Path> regions = regionFolders();
        assertEquals(List.of("eu-fra", "eu-sxb", "us-vin"), regions.stream().map(p -> p.getFileName().toString()).toList());
        for (Path region : regions) {
            String code = region.getFileName().toString();
            assertTrue(CATALOGUE.find(code).isPresent(), code + " is not in the catalogue");
            Properties env = residency(region);
            assertEquals(code, env.getProperty("plenum.residency.node-region"), "node region of " + code);
            for (String key : env.stringPropertyNames()) {
                if (key.endsWith(".region") || key.endsWith(".backup-for") || key.endsWith("node-region")) {
                    assertTrue(CATALOGUE.find(env.getProperty(key)).isPresent(), key + " in " + code);
                }
            }
        }
    }

    @Test
    void storageAndDatabasesSitOnlyWherePersonalDataMayRest() throws IOException {
        for (Path region : regionFolders()) {
            Properties env = residency(region);
            for (String key : env.stringPropertyNames()) {
                if (key.startsWith("plenum.residency.places.") && key.endsWith(".region")) {
                    Region place = CATALOGUE.require(key, env.getProperty(key));
                    assertTrue(place.jurisdiction() == Jurisdiction.EU || place.jurisdiction() == Jurisdiction.EEA,
                            key + " in " + region.getFileName() + " is in " + place.label());
                }
            }
            boolean hasDatabase = documents(region).stream().anyMatch(doc -> doc.path("kind").asText().equals("Cluster"));
            Jurisdiction where = CATALOGUE.require("folder", region.getFileName().toString()).jurisdiction();
            assertEquals(where == Jurisdiction.EU || where == Jurisdiction.EEA, hasDatabase,
                    "database placement in " + region.getFileName());
        }
    }

    /**
     * coturn sees client addresses: it runs only from the base that EU/EEA sites include, every such site declares its
     * relays as turn-relay places in its own region, and its secret comes from a Kubernetes Secret, never a literal.
     */
    @Test
    void turnRelaysRunOnlyInEuSitesAsDeclaredPlaces() throws IOException {
        List<JsonNode> base = documents(DEPLOY.resolve("base"));
        JsonNode turn = base.stream().filter(doc -> doc.path("kind").asText().equals("Deployment")
                && doc.path("metadata").path("name").asText().equals("plenum-turn")).findFirst().orElseThrow();
        JsonNode container = turn.path("spec").path("template").path("spec").path("containers").get(0);
        assertEquals("turnserver", container.path("command").get(0).asText());
        JsonNode secret = java.util.stream.StreamSupport.stream(container.path("env").spliterator(), false)
                .filter(env -> env.path("name").asText().equals("PLENUM_TURN_SECRET")).findFirst().orElseThrow();
        assertTrue(secret.path("valueFrom").has("secretKeyRef"), "the TURN secret must come from a Secret: " + secret);
        assertTrue(Files.readString(DEPLOY.resolve("base/turnserver.conf")).contains("use-auth-secret"));
        for (Path region : regionFolders()) {
            Jurisdiction where = CATALOGUE.require("folder", region.getFileName().toString()).jurisdiction();
            boolean eu = where == Jurisdiction.EU || where == Jurisdiction.EEA;
            boolean runsTurn = Files.readString(region.resolve("kustomization.yaml")).contains("../base")
                    || documents(region).stream().anyMatch(doc -> doc.toString().contains("turnserver"));
            assertEquals(eu, runsTurn, "TURN placement in " + region.getFileName());
            if (eu) {
                Properties declared = residency(region);
                List<String> relays = declared.stringPropertyNames().stream()
                        .filter(key -> key.endsWith(".kind") && declared.getProperty(key).equals("turn-relay")).toList();
                assertFalse(relays.isEmpty(), region.getFileName() + " runs TURN but declares no turn-relay place");
                for (String kind : relays) {
                    assertEquals(region.getFileName().toString(), declared.getProperty(kind.replace(".kind", ".region")), kind);
                }
            }
        }
    }

    /** The app's replication guard ends WAL senders of undeclared standbys: the other site's network must be declared. */
    @Test
    void everySiteDeclaresTheStandbysAcrossItsPrivateLink() throws IOException {
        for (Path region : regionFolders()) {
            if (!Files.exists(region.resolve("private-link.yaml"))) {
                continue;
            }
            List<String> targets = residency(region).entrySet().stream()
                    .filter(entry -> entry.getKey().toString().startsWith("plenum.residency.places.")
                            && entry.getKey().toString().endsWith(".target"))
                    .map(entry -> entry.getValue().toString()).toList();
            List<String> linkNetworks = documents(region).stream().filter(doc -> doc.path("kind").asText().equals("NetworkPolicy"))
                    .flatMap(doc -> doc.findValues("cidr").stream()).map(JsonNode::asText).distinct().toList();
            assertTrue(!linkNetworks.isEmpty(), "private link of " + region.getFileName());
            for (String network : linkNetworks) {
                assertTrue(targets.stream().anyMatch(target -> target.endsWith("@" + network)),
                        region.getFileName() + " declares no standby in " + network + " (targets " + targets + ")");
            }
        }
    }

    @Test
    void thirdCountryEntryPointRunsOnlyTheEdgeRoleWithoutSecrets() throws IOException {
        for (Path region : regionFolders()) {
            if (CATALOGUE.require("folder", region.getFileName().toString()).jurisdiction() != Jurisdiction.THIRD_COUNTRY) {
                continue;
            }
            String kustomization = Files.readString(region.resolve("kustomization.yaml"));
            assertFalse(kustomization.contains("../base"), "a third-country site must not include the app base");
            int workloads = 0;
            for (JsonNode doc : documents(region)) {
                JsonNode pod = doc.path("spec").path("template").path("spec");
                if (pod.isMissingNode()) {
                    continue;
                }
                workloads++;
                String workload = doc.path("kind").asText() + " " + doc.path("metadata").path("name").asText();
                assertTrue(pod.path("containers").size() > 0, workload + " has no containers");
                for (JsonNode container : pod.path("containers")) {
                    // Without PLENUM_ROLES a node plays every role (app, media, ...): edge must be said explicitly.
                    List<String> roles = new ArrayList<>();
                    for (JsonNode env : container.path("env")) {
                        if (env.path("name").asText().equals("PLENUM_ROLES")) {
                            roles.add(env.path("value").asText());
                        }
                        assertFalse(env.has("valueFrom"), "secret in a third-country pod: " + env);
                    }
                    assertFalse(container.has("envFrom"), "environment from a ConfigMap/Secret in a third-country pod: " + workload);
                    assertEquals(List.of("edge"), roles, "PLENUM_ROLES of container " + container.path("name").asText()
                            + " in " + workload + " at " + region.getFileName());
                }
            }
            assertTrue(workloads > 0, "no workload found at " + region.getFileName());
        }
    }

    /** Production has no default secrets: every app container takes them from Kubernetes Secrets, never from a literal. */
    @Test
    void appNodesTakeTheirSecretsFromKubernetesSecrets() throws IOException {
        List<String> required = List.of("QUARKUS_OIDC_CREDENTIALS_SECRET", "QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET",
                "PLENUM_LINKS_KEY", "PLENUM_WEBHOOKS_SECRET_KEY", "PLENUM_PLAYBACK_SIGNING_KEY", "QUARKUS_DATASOURCE_PASSWORD",
                "QUARKUS_KEYCLOAK_ADMIN_CLIENT_CLIENT_SECRET");
        List<JsonNode> apps = documents(DEPLOY.resolve("base")).stream()
                .filter(doc -> doc.path("kind").asText().equals("StatefulSet")).toList();
        assertFalse(apps.isEmpty(), "no app StatefulSet in base");
        for (JsonNode app : apps) {
            for (JsonNode container : app.path("spec").path("template").path("spec").path("containers")) {
                Map<String, JsonNode> env = new java.util.HashMap<>();
                container.path("env").forEach(variable -> env.put(variable.path("name").asText(), variable));
                for (String name : required) {
                    assertTrue(env.containsKey(name), name + " missing in " + app.path("metadata").path("name"));
                    assertTrue(env.get(name).path("valueFrom").has("secretKeyRef"), name + " is not a Secret reference");
                    assertFalse(env.get(name).has("value"), name + " has a literal value");
                }
            }
        }
        for (Path region : regionFolders()) {
            if (CATALOGUE.require("folder", region.getFileName().toString()).jurisdiction() != Jurisdiction.THIRD_COUNTRY) {
                assertTrue(Files.readString(region.resolve("kustomization.yaml")).contains("../base"),
                        region.getFileName() + " must run the base app with its Secret references");
            }
        }
    }

    /**
     * App nodes must serve go-live (before, PLENUM_ROLES=app answered every go-live with 503): they run
     * media workers, name the address other nodes relay a room's requests to, and gather ICE on it. They
     * mount no recording volume: each EU site's recordings (and their backup) are in a bucket the site
     * names, reached with access keys from Secrets; a node keeps only recordings in progress, in a mounted spool.
     */
    @Test
    void appNodesServeGoLiveWithRecordingsInTheSitesBucketAndARelayAddress() throws IOException {
        JsonNode app = documents(DEPLOY.resolve("base")).stream().filter(doc -> doc.path("kind").asText().equals("StatefulSet"))
                .findFirst().orElseThrow();
        JsonNode container = app.path("spec").path("template").path("spec").path("containers").get(0);
        Map<String, String> env = new java.util.HashMap<>();
        List<String> fromSecrets = new ArrayList<>();
        container.path("env").forEach(variable -> {
            env.put(variable.path("name").asText(), variable.path("value").asText());
            if (variable.path("valueFrom").has("secretKeyRef")) {
                fromSecrets.add(variable.path("name").asText());
            }
        });
        assertTrue(List.of(env.get("PLENUM_ROLES").split(",")).containsAll(List.of("app", "media-worker")), env.get("PLENUM_ROLES"));
        assertTrue(env.get("PLENUM_NODE_URL").startsWith("http://$(POD_IP):"), "relay address: " + env);
        assertEquals("$(POD_IP)", env.get("PLENUM_MEDIA_ICE_ADDRESSES"));
        List<String> mounts = new ArrayList<>();
        container.path("volumeMounts").forEach(mount -> mounts.add(mount.path("mountPath").asText()));
        List<String> claims = new ArrayList<>();
        app.path("spec").path("volumeClaimTemplates").forEach(claim -> claims.add(claim.path("metadata").path("name").asText()));
        assertFalse(claims.contains("recordings"), "no recording volume per app node any more: " + claims);
        assertTrue(mounts.contains(env.get("PLENUM_RECORDING_STORAGE_SPOOL")), "the spool is mounted: " + mounts);
        // A finished recording waits in the spool for its upload: the spool must outlive the pod (an emptyDir would not).
        String spoolVolume = null;
        for (var mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals(env.get("PLENUM_RECORDING_STORAGE_SPOOL"))) {
                spoolVolume = mount.path("name").asText();
            }
        }
        assertTrue(claims.contains(spoolVolume), "the spool is a claim of its own, not pod scratch: " + spoolVolume + " in " + claims);
        for (Path region : regionFolders()) {
            if (CATALOGUE.require("folder", region.getFileName().toString()).jurisdiction() == Jurisdiction.THIRD_COUNTRY) {
                continue;
            }
            Properties declared = residency(region);
            for (String place : List.of("recordings", "recordings-backup")) {
                String target = declared.getProperty("plenum.residency.places." + place + ".target");
                assertTrue(target.startsWith("s3://"), region.getFileName() + ": " + place + " names the site's bucket: " + target);
                String access = "plenum.recording-storage.s3." + place + ".";
                assertTrue(declared.getProperty(access + "endpoint", "").startsWith("https://"), region.getFileName() + " " + access);
                for (String key : List.of("access-key-id", "secret-access-key")) {
                    String value = declared.getProperty(access + key, "");
                    assertTrue(value.matches("\\$\\{[A-Z0-9_]+}"), access + key + " must come from the environment: " + value);
                    String variable = value.substring(2, value.length() - 1);
                    assertTrue(fromSecrets.contains(variable), variable + " is not taken from a Secret");
                }
            }
        }
    }

    @Test
    void eachSitesDeclarationsPassThePlenumStartupCheck() throws IOException {
        for (Path region : regionFolders()) {
            Properties declared = residency(region);
            Map<String, String> values = new java.util.HashMap<>();
            declared.stringPropertyNames().forEach(key -> values.put(key, declared.getProperty(key)));
            var config = new io.smallrye.config.SmallRyeConfigBuilder().withMapping(eu.plenum.residency.ResidencyConfig.class)
                    .withDefaultValues(values).build().getConfigMapping(eu.plenum.residency.ResidencyConfig.class);
            boolean thirdCountry = CATALOGUE.require("folder", region.getFileName().toString()).jurisdiction() == Jurisdiction.THIRD_COUNTRY;
            var roles = java.util.Set.of(thirdCountry ? eu.plenum.shared.NodeRole.EDGE : eu.plenum.shared.NodeRole.APP);
            assertEquals(List.of(), eu.plenum.residency.ResidencyStartupCheck.violations(config, roles), region.toString());
            if (!thirdCountry) {
                assertTrue(config.places().size() >= 5, "places declared at " + region.getFileName());
            }
        }
    }

    @Test
    void imageUsesTheSameDebianPackagesAsCi() throws IOException {
        String containerfile = Files.readString(DEPLOY.resolve("Containerfile"));
        assertTrue(containerfile.contains("COPY deploy/debian-packages.txt"), "the image must read the shared package list");
        assertTrue(Files.readString(ProjectPaths.root().resolve(".ci/install")).contains("deploy/debian-packages.txt"));
        assertTrue(containerfile.contains("target/quarkus-app/"));
        JsonNode base = YAML.readTree(DEPLOY.resolve("base/kustomization.yaml").toFile());
        Map<String, String> image = Map.of("name", base.path("images").get(0).path("name").asText(),
                "newName", base.path("images").get(0).path("newName").asText());
        assertEquals("plenum", image.get("name"));
        assertTrue(containerfile.contains(image.get("newName")), "the build command tags the image the manifests run");
    }
}
