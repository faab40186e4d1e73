package eu.plenum.media.storage;

import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.services.s3.S3Client;

/** An object's bytes, fetched only when first read: a sequence of chunks opens one connection at a time. */
final class LazyObjectStream extends InputStream {

    private final S3Client client;
    private final String bucket;
    private final String name;
    private InputStream open;

    LazyObjectStream(S3Client client, String bucket, String name) {
        this.client = client;
        this.bucket = bucket;
        this.name = name;
    }

    private InputStream in() {
        if (open == null) {
            open = client.getObject(request -> request.bucket(bucket).key(name));
        }
        return open;
    }

    @Override
    public int read() throws IOException {
        return in().read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return in().read(buffer, offset, length);
    }

    @Override
    public void close() throws IOException {
        if (open != null) {
            open.close();
        }
    }
}
