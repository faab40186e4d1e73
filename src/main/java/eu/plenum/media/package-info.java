/**
 * Media: live rooms and their media workers, WHIP ingest, WHEP viewers on viewer workers apart from
 * the ingest worker, recordings (published to attendees by their hosts) and where they are stored.
 * Its root API for the audience side: {@code Viewing}, {@code ViewerPasses}, {@code LiveHls},
 * {@code PublishedRecordings}, {@code TurnCredentials}, {@code HlsViewers} (HLS viewers counted by their pages' URL renewals); for compliance {@code RecordingErasures}; and the SPI {@code ViewerAdmissions} that side implements.
 *
 * <ul>
 *   <li>{@code pipeline} — the only GStreamer code (gst1-java-core), run inside worker processes;</li>
 *   <li>{@code worker} — the media worker process: control server and protocol;</li>
 *   <li>{@code supervisor} — the app's warm pool of workers, limits, heartbeats, replacement;</li>
 *   <li>{@code rooms} — live rooms, publishers (with the keyed hash of who published), the recordings
 *       catalogue and its copies per site, the {@code recordings} personal-data holder, and the deletion
 *       of erased recordings' files at every site by the copy job, the stage pin, and the audience each app node
 *       reports per room ({@code room_audience}: WebRTC and HLS counts, no personal data);</li>
 *   <li>{@code storage} — recording storage per site behind one interface: a folder (local runs) or the site's
 *       S3-compatible object store; the copy job, playback and erasure go through it;</li>
 *   <li>{@code whip}, {@code rest}, {@code web} — SDP offer checks, the WHIP and room APIs, the studio page (with its audience card and stage pin).</li>
 *   <li>{@code turn} — configuration of the TURN relay; the root's {@code TurnCredentials} mints ephemeral coturn
 *       credentials for the declared EU relays ({@code IceServer}), handed out by WHIP/WHEP {@code Link} headers and
 *       the studio and attendee pages.</li>
 * </ul>
 *
 * <p>Writes recording files only to the storage places residency assigns to a tenant's home region
 * and its backup, each copy through the transfer guard. Uses {@code identity}, {@code quotas} (admission at go-live, WHEP and recording start; it measures media usage for them), {@code residency},
 * {@code scheduling} (it observes {@code SessionsCancelled}) and {@code shared}; implements
 * residency's {@code MediaProcessingSource}.
 */
package eu.plenum.media;
