package eu.plenum.media.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** HLS viewers are the distinct page ids that renewed within the window, per room. */
class HlsViewerWindowTest {

    private static final Instant T0 = Instant.parse("2026-12-08T02:00:00Z");
    private final HlsViewerWindow window = new HlsViewerWindow(Duration.ofSeconds(90));
    private final UUID room = UUID.randomUUID();
    private final UUID otherRoom = UUID.randomUUID();

    @Test
    void distinctPagesSeenWithinTheWindowAreCounted() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        window.seen(room, first, T0);
        window.seen(room, first, T0.plusSeconds(40)); // a renewal of the same page is still one viewer
        window.seen(room, second, T0.plusSeconds(10));
        window.seen(otherRoom, UUID.randomUUID(), T0);
        assertEquals(2, window.count(room, T0.plusSeconds(60)));
        assertEquals(1, window.count(otherRoom, T0.plusSeconds(60)));
    }

    @Test
    void aPageThatStopsRenewingDropsOutAfterTheWindow() {
        UUID renewing = UUID.randomUUID();
        UUID silent = UUID.randomUUID();
        window.seen(room, renewing, T0);
        window.seen(room, silent, T0);
        window.seen(room, renewing, T0.plusSeconds(40));
        window.seen(room, renewing, T0.plusSeconds(80));
        assertEquals(2, window.count(room, T0.plusSeconds(90)), "exactly at the window's end both still count");
        assertEquals(1, window.count(room, T0.plusSeconds(91)), "the silent page is gone, the renewing one stays");
        assertEquals(0, window.count(room, T0.plusSeconds(171)));
        assertEquals(java.util.Set.of(), window.rooms(), "an empty room is forgotten");
    }

    @Test
    void aPageThatSaysItStoppedIsGoneAtOnce() {
        UUID page = UUID.randomUUID();
        window.seen(room, page, T0);
        window.gone(room, page);
        window.gone(otherRoom, page);
        assertEquals(0, window.count(room, T0.plusSeconds(1)));
    }

    @Test
    void madeUpIdsCannotGrowARoomWithoutBound() {
        for (int i = 0; i < HlsViewerWindow.MAX_PAGES_PER_ROOM + 10; i++) {
            window.seen(room, UUID.randomUUID(), T0);
        }
        assertEquals(HlsViewerWindow.MAX_PAGES_PER_ROOM, window.count(room, T0));
        // Once the old ones expire, new pages are counted again.
        window.seen(room, UUID.randomUUID(), T0.plusSeconds(100));
        assertEquals(1, window.count(room, T0.plusSeconds(100)));
    }
}
