/**
 * The supervisor in the app: the warm pool of media worker processes, their launch, heartbeats
 * and replacement, and the control client that talks to them.
 */
package eu.plenum.media.supervisor;
