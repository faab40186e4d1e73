package eu.plenum.media.rooms;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the HLS viewers of each room by the random ids their pages send when they renew the signed
 * playlist URL: an id seen within the window is a viewer. HLS files are fetched from an edge or a CDN
 * that knows nothing about viewers, so the renewal is the one place the app sees an HLS player; the id
 * is made by the page and means nothing beyond it (no address, no registration is kept here).
 */
public final class HlsViewerWindow {

    /** Bounds the memory a flood of made-up ids could take; beyond it new ids are not counted. */
    static final int MAX_PAGES_PER_ROOM = 50_000;

    private final Duration window;
    private final Map<UUID, Map<UUID, Instant>> rooms = new ConcurrentHashMap<>();

    public HlsViewerWindow(Duration window) {
        this.window = window;
    }

    /** A page of the room renewed its URL (or started playing HLS) at {@code now}. */
    public void seen(UUID roomId, UUID pageId, Instant now) {
        Map<UUID, Instant> pages = rooms.computeIfAbsent(roomId, id -> new ConcurrentHashMap<>());
        if (pages.size() >= MAX_PAGES_PER_ROOM && !pages.containsKey(pageId)) {
            expire(pages, now);
            if (pages.size() >= MAX_PAGES_PER_ROOM) {
                return;
            }
        }
        pages.put(pageId, now);
    }

    /** The page stopped playing HLS (closed, or moved to WebRTC): it is no viewer from now on. */
    public void gone(UUID roomId, UUID pageId) {
        Map<UUID, Instant> pages = rooms.get(roomId);
        if (pages != null) {
            pages.remove(pageId);
        }
    }

    /** HLS viewers of the room at {@code now}: pages seen within the window. */
    public int count(UUID roomId, Instant now) {
        Map<UUID, Instant> pages = rooms.get(roomId);
        if (pages == null) {
            return 0;
        }
        expire(pages, now);
        if (pages.isEmpty()) {
            rooms.remove(roomId, pages);
        }
        return pages.size();
    }

    /** The rooms with pages seen lately (their counts may have dropped to zero since). */
    public java.util.Set<UUID> rooms() {
        return java.util.Set.copyOf(rooms.keySet());
    }

    private void expire(Map<UUID, Instant> pages, Instant now) {
        Instant oldest = now.minus(window);
        pages.values().removeIf(seen -> seen.isBefore(oldest));
    }
}
