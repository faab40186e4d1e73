package eu.plenum.identity;

import eu.plenum.shared.AccessRefusedException;

/** A host whose token names no tenant, or a tenant that does not exist: refused, never guessed. */
public class NoTenantException extends AccessRefusedException {

    public NoTenantException(String detail) {
        super("no-tenant", detail);
    }
}
