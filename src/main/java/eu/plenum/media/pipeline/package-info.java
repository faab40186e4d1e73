/**
 * The only code that touches GStreamer (gst1-java-core 1.4.0 over JNA). It runs inside a media
 * worker process, never in the app: a native fault here ends one room, not the platform.
 *
 * <p>The classes keep to the lifetime rules measured in {@code ../shared/notes/MEDIA.md}: own
 * promises held until they are answered, SDP serialised while it is still alive, borrowed values
 * invalidated after use, nothing blocking on GStreamer's streaming threads.
 */
package eu.plenum.media.pipeline;
