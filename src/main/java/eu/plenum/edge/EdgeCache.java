package eu.plenum.edge;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The edge's memory of origin answers: each entry kept for its own time to live at most (a playlist a
 * second, a segment the live window), all of them within a byte bound (least recently used go first),
 * and one origin request per key at a time — N viewers asking for the same missing segment wait on the
 * one request the first of them caused. Holds media only: keys are paths, never client data.
 */
public final class EdgeCache {

    /** What the origin answered: status, content type, cache header and body. */
    public record Answer(int status, String contentType, String cacheControl, Buffer body) {
        long size() {
            return body == null ? 0 : body.length();
        }
    }

    /** Counters since the start: answers from memory, requests to the origin, requests that waited on another's. */
    public record Stats(long hits, long originRequests, long coalesced, long bytes, int entries) {
    }

    private record Entry(Answer answer, long expiresAt) {
    }

    private final long maxBytes;
    private final LongSupplier nanos;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private final Map<String, Future<Answer>> pending = new HashMap<>();
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong originRequests = new AtomicLong();
    private final AtomicLong coalesced = new AtomicLong();
    private long bytes;

    public EdgeCache(long maxBytes, LongSupplier nanos) {
        this.maxBytes = maxBytes;
        this.nanos = nanos;
    }

    /**
     * The answer for {@code key}: from memory while fresh, else from the request already under way for it,
     * else from {@code origin} (called once), kept for {@code ttl} if it is a 200 or a 404 that fits.
     */
    public Future<Answer> get(String key, Duration ttl, Supplier<Future<Answer>> origin) {
        Promise<Answer> promise;
        synchronized (this) {
            Entry entry = entries.get(key);
            if (entry != null && nanos.getAsLong() - entry.expiresAt() < 0) {
                hits.incrementAndGet();
                return Future.succeededFuture(entry.answer());
            }
            if (entry != null) {
                remove(key);
            }
            Future<Answer> underWay = pending.get(key);
            if (underWay != null) {
                coalesced.incrementAndGet();
                return underWay;
            }
            originRequests.incrementAndGet();
            promise = Promise.promise();
            pending.put(key, promise.future());
        }
        Future<Answer> fetched;
        try {
            fetched = origin.get();
        } catch (RuntimeException e) {
            fetched = Future.failedFuture(e);
        }
        fetched.onComplete(done -> {
            synchronized (this) {
                pending.remove(key);
                if (done.succeeded() && cacheable(done.result())) {
                    put(key, new Entry(done.result(), nanos.getAsLong() + ttl.toNanos()));
                }
            }
            promise.handle(done);
        });
        return promise.future();
    }

    /** Forgets every entry past its time to live (run periodically: nothing outlives its window even unasked). */
    public synchronized void sweep() {
        long now = nanos.getAsLong();
        for (Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Entry> next = it.next();
            if (now - next.getValue().expiresAt() >= 0) {
                bytes -= next.getValue().answer().size();
                it.remove();
            }
        }
    }

    public synchronized Stats stats() {
        return new Stats(hits.get(), originRequests.get(), coalesced.get(), bytes, entries.size());
    }

    private boolean cacheable(Answer answer) {
        return (answer.status() == 200 || answer.status() == 404) && answer.size() <= maxBytes;
    }

    private void put(String key, Entry entry) {
        remove(key);
        entries.put(key, entry);
        bytes += entry.answer().size();
        for (Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator(); bytes > maxBytes && it.hasNext();) {
            Map.Entry<String, Entry> eldest = it.next();
            bytes -= eldest.getValue().answer().size();
            it.remove();
        }
    }

    private void remove(String key) {
        Entry gone = entries.remove(key);
        if (gone != null) {
            bytes -= gone.answer().size();
        }
    }
}
