/**
 * Media: live rooms' media workers (the only code that touches GStreamer, arriving with the media
 * engine issue) and the archive where finished recordings are stored.
 *
 * <p>Writes recording files to the storage places residency assigns to a tenant's home region and
 * its backup, each copy through the transfer guard. Uses {@code residency} and {@code shared}.
 */
package eu.plenum.media;
