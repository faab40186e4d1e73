/**
 * The media worker process: its control server (HTTP on loopback, one secret per worker) and the
 * protocol the app's supervisor speaks to it. One worker process serves one live room, once.
 */
package eu.plenum.media.worker;
