package eu.plenum.identity;

/**
 * A tenant as other contexts see it.
 *
 * @param suspensionReason why an operator suspended it ({@code payment}, {@code contract-ended}, {@code abuse},
 *                         {@code security}, {@code other}); null while the tenant is active
 */
public record TenantRef(String id, String name, String homeRegionCode, String suspensionReason) {

    public TenantRef(String id, String name, String homeRegionCode) {
        this(id, name, homeRegionCode, null);
    }

    public boolean suspended() {
        return suspensionReason != null;
    }
}
