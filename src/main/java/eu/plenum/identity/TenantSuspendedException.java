package eu.plenum.identity;

import eu.plenum.shared.AccessRefusedException;

/** The tenant is suspended by the operator: its people and attendees are refused, nothing of it is deleted. */
public class TenantSuspendedException extends AccessRefusedException {

    public TenantSuspendedException(String tenantName) {
        super("tenant-suspended", "The webinars of " + tenantName + " are not available at the moment: the organisation's "
                + "account is suspended. Nothing has been deleted; please contact " + tenantName + ".");
    }
}
