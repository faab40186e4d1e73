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
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A storage place that is a bucket of the site's S3-compatible object store. A finished recording is
 * uploaded whole under {@code <key>.partial} (one PUT, or a multipart upload in {@link #PART_BYTES} parts
 * above that), read back and hashed, and only if its SHA-256 is the catalogue's copied to its key inside
 * the store: a failed or mismatching upload never touches an object already verified under the key. The
 * SHA-256 travels as the object's metadata, so a deletion can say what it removed without reading it. A
 * recording still being written is mirrored as numbered chunk objects under {@code <key>.growing/} (each a
 * plain, readable object, so a backup site that lost its primary can read the prefix without completing
 * anything), at most {@link #APPEND_BYTES} per request; they go once the whole object is verified.
 */
public final class S3RecordingStore implements RecordingStore {

    /** Part size of multipart uploads, and the largest object sent in one PUT. */
    static final long PART_BYTES = 16L * 1024 * 1024;
    /** The largest object S3 copies in one request; larger ones are copied in parts of this size. */
    static final long SINGLE_COPY_BYTES = 5L * 1024 * 1024 * 1024;
    /** The largest chunk of a live mirror sent in one request (after an outage the backlog goes in several). */
    static final long APPEND_BYTES = 4 * PART_BYTES;
    /** Chunks sent per append call at most, so that one long backlog does not hold up the other mirrors. */
    private static final int APPENDS_PER_CALL = 16;
    /** User metadata (x-amz-meta-…) holding the object's SHA-256 in hex. */
    static final String SHA256_METADATA = "plenum-sha256";

    private final S3Client client;
    private final String bucket;
    private final String prefix;
    private final long chunkBytes;
    private final long singleCopyBytes;
    private final long appendBytes;

    /** {@code prefix} is empty or ends with {@code /}; a live mirror sends a chunk once {@code chunkBytes} were gained. */
    public S3RecordingStore(S3Client client, String bucket, String prefix, long chunkBytes) {
        this(client, bucket, prefix, chunkBytes, SINGLE_COPY_BYTES, APPEND_BYTES);
    }

    /** As above, copying objects larger than {@code singleCopyBytes} in parts, mirror chunks of at most {@code appendBytes} (tests lower both). */
    S3RecordingStore(S3Client client, String bucket, String prefix, long chunkBytes, long singleCopyBytes, long appendBytes) {
        this.singleCopyBytes = singleCopyBytes;
        this.appendBytes = appendBytes;
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
        String partial = name + RecordingKeys.PARTIAL;
        Map<String, String> metadata = Map.of(SHA256_METADATA, expectedSha256);
        try (InputStream in = content) {
            if (length <= PART_BYTES) {
                client.putObject(request -> request.bucket(bucket).key(partial).contentLength(length).metadata(metadata),
                        RequestBody.fromInputStream(in, length));
            } else {
                multipart(partial, in, length, metadata);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the recording to upload", e);
        }
        long[] bytes = new long[1];
        String actual = Sha256.of(client.getObject(request -> request.bucket(bucket).key(partial)), bytes);
        if (!actual.equals(expectedSha256) || bytes[0] != length) {
            client.deleteObject(request -> request.bucket(bucket).key(partial));
            throw new IllegalStateException("Upload to " + describe() + " does not match the recording's SHA-256 and size");
        }
        copyWithin(partial, name, length, metadata);
        client.deleteObject(request -> request.bucket(bucket).key(partial));
        dropGrowing(key);
        return new StoredObject(key, actual, bytes[0]);
    }

    /** Copies a verified object to its final name inside the bucket: one request up to S3's limit, else in parts. */
    private void copyWithin(String from, String to, long length, Map<String, String> metadata) {
        if (length <= singleCopyBytes) {
            client.copyObject(request -> request.sourceBucket(bucket).sourceKey(from).destinationBucket(bucket).destinationKey(to));
            return;
        }
        String upload = client.createMultipartUpload(request -> request.bucket(bucket).key(to).metadata(metadata)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long copied = 0;
            for (int number = 1; copied < length; number++) {
                long first = copied;
                long last = Math.min(length, copied + singleCopyBytes) - 1;
                int part = number;
                String etag = client.uploadPartCopy(request -> request.sourceBucket(bucket).sourceKey(from).destinationBucket(bucket)
                        .destinationKey(to).uploadId(upload).partNumber(part).copySourceRange("bytes=" + first + "-" + last))
                        .copyPartResult().eTag();
                parts.add(CompletedPart.builder().partNumber(part).eTag(etag).build());
                copied = last + 1;
            }
            client.completeMultipartUpload(request -> request.bucket(bucket).key(to).uploadId(upload)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
        } catch (RuntimeException e) {
            client.abortMultipartUpload(request -> request.bucket(bucket).key(to).uploadId(upload));
            throw e;
        }
    }

    private void multipart(String name, InputStream in, long length, Map<String, String> metadata) throws IOException {
        String upload = client.createMultipartUpload(request -> request.bucket(bucket).key(name).metadata(metadata)).uploadId();
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
        return head(object(key)).map(HeadObjectResponse::contentLength);
    }

    private Optional<HeadObjectResponse> head(String name) {
        try {
            return Optional.of(client.headObject(request -> request.bucket(bucket).key(name)));
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

    /**
     * Removes the object, a partial upload and the live mirror. What was removed is named by the SHA-256
     * the object carries in its metadata; only an object stored without it (before this was kept) is read.
     */
    @Override
    public Optional<StoredObject> delete(String key) {
        Optional<StoredObject> removed = head(object(key)).map(head -> {
            String sha256 = head.metadata().get(SHA256_METADATA);
            if (sha256 != null && sha256.matches("[0-9a-f]{64}")) {
                return new StoredObject(key, sha256, head.contentLength());
            }
            long[] bytes = new long[1];
            return new StoredObject(key, Sha256.of(client.getObject(request -> request.bucket(bucket).key(object(key))), bytes), bytes[0]);
        });
        if (removed.isEmpty()) {
            removed = openGrowing(key).map(in -> {
                long[] bytes = new long[1];
                return new StoredObject(key, Sha256.of(in, bytes), bytes[0]);
            });
        }
        client.deleteObject(request -> request.bucket(bucket).key(object(key)));
        client.deleteObject(request -> request.bucket(bucket).key(object(key) + RecordingKeys.PARTIAL));
        dropGrowing(key);
        return removed;
    }

    @Override
    public List<String> list(String keyPrefix) {
        List<String> keys = new ArrayList<>();
        client.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix + keyPrefix)).contents()
                .forEach(found -> {
                    String key = found.key().substring(prefix.length());
                    if (!key.contains(RecordingKeys.GROWING + "/") && !key.endsWith(RecordingKeys.PARTIAL)) {
                        keys.add(key);
                    }
                });
        Collections.sort(keys);
        return keys;
    }

    @Override
    public long appendGrowing(String key, Path source, long from) {
        long start = mirroredUpTo(key, from);
        try {
            long size = Files.isRegularFile(source) ? Files.size(source) : 0;
            try (FileChannel in = size - start < chunkBytes ? null : FileChannel.open(source, StandardOpenOption.READ)) {
                for (int sent = 0; sent < APPENDS_PER_CALL && size - start >= chunkBytes; sent++) {
                    long offset = start;
                    long length = Math.min(size - start, appendBytes);
                    in.position(offset);
                    client.putObject(request -> request.bucket(bucket).key(chunkName(key, offset)).contentLength(length),
                            RequestBody.fromInputStream(new BoundedInputStream(Channels.newInputStream(in), length), length));
                    start += length;
                }
            }
            return start;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot mirror the recording into " + describe(), e);
        }
    }

    /**
     * How much of the file the mirror's chunks hold. The recorded {@code from} is the end of the last chunk
     * unless an append's outcome was not recorded: only when a chunk already starts there are the chunks listed.
     */
    private long mirroredUpTo(String key, long from) {
        if (head(chunkName(key, from)).isEmpty()) {
            return from;
        }
        return chunks(key).stream().mapToLong(S3Object::size).sum();
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
