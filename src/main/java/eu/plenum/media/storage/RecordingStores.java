package eu.plenum.media.storage;

import eu.plenum.residency.DeclaredPlace;
import eu.plenum.residency.DeclaredPlaces;
import eu.plenum.residency.PlaceKind;
import eu.plenum.shared.NodeConfig;
import eu.plenum.shared.NodeRole;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The store behind each declared recording storage place: its target is a folder (a
 * {@link FileRecordingStore}, the default for local runs) or {@code s3://bucket[/prefix]} (an
 * {@link S3RecordingStore} on the site's object store, with the access of {@code plenum.recording-storage.s3.<place>}).
 * Also says where a node's media workers write: into the folder store itself, or into the site's file
 * mirror (the spool) when the place is an object store.
 */
@ApplicationScoped
public class RecordingStores {

    private static final String S3 = "s3://";
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RecordingStores.class);

    private final DeclaredPlaces places;
    private final RecordingStorageConfig config;
    private final UnansweredStores unanswered = new UnansweredStores();
    private final Map<String, RecordingStore> stores = new ConcurrentHashMap<>();
    private final List<S3Client> clients = new ArrayList<>();

    RecordingStores(DeclaredPlaces places, RecordingStorageConfig config) {
        this.places = places;
        this.config = config;
    }

    /** The store of a declared place (by name), if it is declared. */
    public Optional<RecordingStore> of(String placeName) {
        return places.all().stream().filter(place -> place.name().equals(placeName)).findFirst().map(this::of);
    }

    public RecordingStore of(DeclaredPlace place) {
        return stores.computeIfAbsent(place.name(), name -> create(place));
    }

    /**
     * Where a recording can be read now, in this order: the file on this node (a folder store, or the
     * spool of a recording not uploaded yet), then each of {@code verifiedPlaces} (the home site's store
     * first, then backups) that holds it and answers; empty when none does.
     */
    public Optional<StoredRecording> find(String key, Path localFile, List<String> verifiedPlaces) {
        if (java.nio.file.Files.isRegularFile(localFile)) {
            Path root = localFile.toAbsolutePath().getParent().getParent().getParent();
            FileRecordingStore local = new FileRecordingStore(root);
            Optional<Long> size = local.size(key);
            if (size.isPresent()) {
                return Optional.of(new StoredRecording(local, key, size.get()));
            }
        }
        for (String name : unanswered.order(verifiedPlaces, Instant.now())) {
            Optional<RecordingStore> store = of(name);
            try {
                Optional<Long> size = store.flatMap(found -> found.size(key));
                unanswered.answered(name);
                if (size.isPresent()) {
                    return Optional.of(new StoredRecording(store.get(), key, size.get()));
                }
            } catch (RuntimeException unreachable) {
                // This site's store does not answer (e.g. the site is lost): try the next copy.
                unanswered.unanswered(name, Instant.now());
                LOG.warnf("Recording storage '%s' did not answer, reading the next copy: %s", name, unreachable.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Whether the place is an object store, so that workers write into the spool and the finished file is uploaded. */
    public static boolean objectStore(DeclaredPlace place) {
        return place.target().map(target -> target.startsWith(S3)).orElse(false);
    }

    /**
     * The folder a media worker writes a place's recordings into ({@code <folder>/<tenant>/<room>/}): the
     * place's own folder, or for an object store the site's file mirror of recordings still being written.
     */
    public Path writeFolder(DeclaredPlace place) {
        if (objectStore(place)) {
            return spool(place).root();
        }
        return Path.of(place.target().orElseThrow(() ->
                new IllegalStateException("Recording storage '" + place.name() + "' has no target folder"))).toAbsolutePath().normalize();
    }

    /** This node's spool: {@code <spool>/<place>/<tenant>/<room>/<file>} for every object store place. */
    public Path spoolRoot() {
        return Path.of(config.spool()).toAbsolutePath().normalize();
    }

    /** The spool of an object store place on this node, as a folder store (where its recordings in progress are). */
    public FileRecordingStore spool(DeclaredPlace place) {
        return new FileRecordingStore(Path.of(config.spool()).resolve(place.name()));
    }

    private synchronized RecordingStore create(DeclaredPlace place) {
        if (!objectStore(place)) {
            return new FileRecordingStore(writeFolder(place));
        }
        String location = place.target().orElseThrow().substring(S3.length());
        int slash = location.indexOf('/');
        String bucket = slash < 0 ? location : location.substring(0, slash);
        String prefix = slash < 0 ? "" : location.substring(slash + 1);
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        S3Client client = client(place.name(), access(place.name()));
        clients.add(client);
        return new S3RecordingStore(client, bucket, prefix, config.liveChunkBytes());
    }

    private RecordingStorageConfig.ObjectStore access(String placeName) {
        RecordingStorageConfig.ObjectStore access = config.s3().get(placeName);
        if (access == null) {
            throw new IllegalStateException("Recording storage '" + placeName + "' is an object store: set "
                    + "plenum.recording-storage.s3." + placeName + ".endpoint (and its access keys)");
        }
        return access;
    }

    /** An S3 client for one place: checksums only where S3 requires them (S3-compatible stores differ), URLConnection HTTP. */
    static S3Client client(String placeName, RecordingStorageConfig.ObjectStore access) {
        var builder = S3Client.builder()
                .region(Region.of(access.signingRegion()))
                .forcePathStyle(access.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(access.connectTimeout())
                        .socketTimeout(access.readTimeout()));
        access.endpoint().ifPresent(builder::endpointOverride);
        if (access.accessKeyId().isPresent() && access.secretAccessKey().isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(access.accessKeyId().get(), access.secretAccessKey().get())));
        } else {
            builder.credentialsProvider(AnonymousCredentialsProvider.create());
        }
        return builder.build();
    }

    /** What a production app node refuses: an object store place without an endpoint entry or without its access keys. */
    static Optional<String> problem(List<DeclaredPlace> declared, RecordingStorageConfig config) {
        for (DeclaredPlace place : declared) {
            if (place.kind() != PlaceKind.RECORDING_STORAGE || !objectStore(place)) {
                continue;
            }
            RecordingStorageConfig.ObjectStore access = config.s3().get(place.name());
            if (access == null || blank(access.accessKeyId()) || blank(access.secretAccessKey())) {
                return Optional.of("Recording storage '" + place.name() + "' is an object store without credentials: set "
                        + "plenum.recording-storage.s3." + place.name() + ".access-key-id and .secret-access-key from a secret "
                        + "(e.g. ${PLENUM_S3_ACCESS_KEY_ID} from the environment), never in a committed file.");
            }
        }
        return Optional.empty();
    }

    private static boolean blank(Optional<String> value) {
        return value.map(String::strip).filter(text -> !text.isEmpty()).isEmpty();
    }

    void refuseMissingCredentials(@Observes StartupEvent started, NodeConfig node) {
        if (LaunchMode.current() == LaunchMode.NORMAL && node.plays(NodeRole.APP)) {
            problem(places.all(), config).ifPresent(problem -> {
                throw new IllegalStateException(problem);
            });
        }
    }

    synchronized void close(@Observes ShutdownEvent stopping) {
        clients.forEach(S3Client::close);
        clients.clear();
        stores.clear();
    }
}
