/**
 * Shared kernel: the launcher, node roles, the domain exception family that every context throws
 * and the web plumbing (problem+json mapping, correlation ids, page locale, public pages).
 *
 * <p>Owns no personal data. Depends on no other Plenum context; every context may use this root
 * package. Subpackages ({@code database}, {@code web}) are internal.
 */
package eu.plenum.shared;
