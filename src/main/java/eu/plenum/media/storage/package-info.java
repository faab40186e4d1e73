/**
 * Recording storage per site: {@code RecordingStore} (put a finished object verified by SHA-256, read a
 * range, list, delete with what was removed, the live mirror of a recording still written) with a folder
 * implementation and an S3-compatible one, and {@code RecordingStores}, which gives each declared
 * recording storage place its store. Used by {@code media.rooms} (copy job, erasure) and {@code media.rest}
 * (playback); knows nothing of recordings' catalogue rows.
 */
package eu.plenum.media.storage;
