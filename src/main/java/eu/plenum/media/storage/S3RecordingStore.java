package eu.plenum.media.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A storage place that is a bucket of the site's S3-compatible object store. A finished recording is
 * uploaded whole (one PUT, or a multipart upload in {@link #PART_BYTES} parts above that), then read
 * back and hashed: the object is kept only if its SHA-256 is the catalogue's. A recording still being
 * written is mirrored as numbered chunk objects under {@code <key>.growing/} (each a plain, readable
 * object, so a backup site that lost its primary can read the prefix without completing anything);
 * they go once the whole object is verified.
 */
public final class S3RecordingStore implements RecordingStore {

    /** Part size of multipart uploads, and the largest object sent in one PUT. */
    static final long PART_BYTES = 16L * 1024 * 1024;

    private final S3Client client;
    private final String bucket;
    private final String prefix;
    private final long chunkBytes;

    /** {@code prefix} is empty or ends with {@code /}; a live mirror sends a chunk once {@code chunkBytes} were gained. */
    public S3RecordingStore(S3Client client, String bucket, String prefix, long chunkBytes) {
        this.chunkBytes = chunkBytes;
        this.client = client;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }

    private String object(String key) {
        return prefix + RecordingKeys.check(key);
    }

    @Override
    public StoredObject put(String key, InputStream content, long length, String expectedSha256) {
        String name = object(key);
        try (InputStream in = content) {
            if (length <= PART_BYTES) {
                client.putObject(request -> request.bucket(bucket).key(name).contentLength(length),
                        RequestBody.fromInputStream(in, length));
            } else {
                multipart(name, in, length);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the recording to upload", e);
        }
        long[] bytes = new long[1];
        String actual = Sha256.of(client.getObject(request -> request.bucket(bucket).key(name)), bytes);
        if (!actual.equals(expectedSha256) || bytes[0] != length) {
            client.deleteObject(request -> request.bucket(bucket).key(name));
            throw new IllegalStateException("Upload to " + describe() + " does not match the recording's SHA-256 and size");
        }
        dropGrowing(key);
        return new StoredObject(key, actual, bytes[0]);
    }

    private void multipart(String name, InputStream in, long length) throws IOException {
        String upload = client.createMultipartUpload(request -> request.bucket(bucket).key(name)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] buffer = new byte[(int) PART_BYTES];
            long sent = 0;
            for (int number = 1; sent < length; number++) {
                int size = (int) Math.min(PART_BYTES, length - sent);
                int read = in.readNBytes(buffer, 0, size);
                if (read != size) {
                    throw new IOException("the recording ended after " + (sent + read) + " of " + length + " bytes");
                }
                int part = number;
                String etag = client.uploadPart(request -> request.bucket(bucket).key(name).uploadId(upload).partNumber(part)
                        .contentLength((long) size), RequestBody.fromBytes(size == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, size)))
                        .eTag();
                parts.add(CompletedPart.builder().partNumber(part).eTag(etag).build());
                sent += size;
            }
            client.completeMultipartUpload(request -> request.bucket(bucket).key(name).uploadId(upload)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
        } catch (IOException | RuntimeException e) {
            client.abortMultipartUpload(request -> request.bucket(bucket).key(name).uploadId(upload));
            throw e;
        }
    }

    @Override
    public Optional<Long> size(String key) {
        try {
            return Optional.of(client.headObject(request -> request.bucket(bucket).key(object(key))).contentLength());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public InputStream open(String key, long first, long length) {
        if (length <= 0) {
            return InputStream.nullInputStream();
        }
        return client.getObject(request -> request.bucket(bucket).key(object(key)).range("bytes=" + first + "-" + (first + length - 1)));
    }

    @Override
    public Optional<Path> localFile(String key) {
        return Optional.empty();
    }

    @Override
    public Optional<StoredObject> delete(String key) {
        Optional<StoredObject> removed = size(key).map(size -> {
            long[] bytes = new long[1];
            String sha256 = Sha256.of(client.getObject(request -> request.bucket(bucket).key(object(key))), bytes);
            return new StoredObject(key, sha256, bytes[0]);
        });
        if (removed.isEmpty()) {
            removed = openGrowing(key).map(in -> {
                long[] bytes = new long[1];
                return new StoredObject(key, Sha256.of(in, bytes), bytes[0]);
            });
        }
        client.deleteObject(request -> request.bucket(bucket).key(object(key)));
        dropGrowing(key);
        return removed;
    }

    @Override
    public List<String> list(String keyPrefix) {
        List<String> keys = new ArrayList<>();
        client.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix + keyPrefix)).contents()
                .forEach(found -> {
                    String key = found.key().substring(prefix.length());
                    if (!key.contains(RecordingKeys.GROWING + "/")) {
                        keys.add(key);
                    }
                });
        Collections.sort(keys);
        return keys;
    }

    @Override
    public long appendGrowing(String key, Path source, long from) {
        // What the chunks already hold is the mirror's truth: an outcome that was not recorded leaves from behind.
        long start = chunks(key).stream().mapToLong(S3Object::size).sum();
        try {
            long size = Files.isRegularFile(source) ? Files.size(source) : 0;
            if (size - start < chunkBytes) {
                return start;
            }
            long length = size - start;
            try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
                in.position(start);
                client.putObject(request -> request.bucket(bucket).key(chunkName(key, start)).contentLength(length),
                        RequestBody.fromInputStream(new BoundedInputStream(Channels.newInputStream(in), length), length));
            }
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot mirror the recording into " + describe(), e);
        }
    }

    @Override
    public Optional<InputStream> openGrowing(String key) {
        List<S3Object> chunks = chunks(key);
        if (chunks.isEmpty()) {
            return Optional.empty();
        }
        List<InputStream> streams = chunks.stream().map(chunk -> (InputStream) new LazyObjectStream(client, bucket, chunk.key())).toList();
        return Optional.of(new SequenceInputStream(Collections.enumeration(streams)));
    }

    private void dropGrowing(String key) {
        chunks(key).forEach(chunk -> client.deleteObject(request -> request.bucket(bucket).key(chunk.key())));
    }

    /** The chunks of the live mirror in byte order (their names are their zero-padded start offsets). */
    private List<S3Object> chunks(String key) {
        List<S3Object> chunks = new ArrayList<>();
        client.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(object(key) + RecordingKeys.GROWING + "/"))
                .contents().forEach(chunks::add);
        chunks.sort(java.util.Comparator.comparing(S3Object::key));
        return chunks;
    }

    private String chunkName(String key, long start) {
        return object(key) + RecordingKeys.GROWING + "/" + String.format("%020d", start);
    }
}
