/**
 * The supervisor in the app: the warm pool of media worker processes, their launch (allow-listed
 * environment, outside the pool's lock), limits per node and tenant, start back-off, heartbeats on
 * a thread of their own, replacement, and the control client that talks to them. Where the app may
 * switch users, each worker runs under a user id of its own in a mount namespace that hides the
 * app's folder ({@code WorkerIsolation}, {@code WorkerIdentity}). It watches and
 * reports ({@code WorkerLost}, {@code PublishersFailed}, {@code FilesRolled}, all asynchronous);
 * rooms clean up on other threads.
 */
package eu.plenum.media.supervisor;
