package eu.plenum.scheduling;

import java.util.List;
import java.util.UUID;

/**
 * CDI event: sessions of a webinar were cancelled (the webinar, one session, or sessions a revised
 * schedule no longer has). Fired inside the cancelling transaction; observers react after it
 * committed — media ends the sessions' live rooms and retires their stream keys.
 */
public record SessionsCancelled(String tenantId, UUID webinarId, List<UUID> sessionIds) {
}
