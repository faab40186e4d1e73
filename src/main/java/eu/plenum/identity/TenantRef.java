package eu.plenum.identity;

/** A tenant as other contexts see it. */
public record TenantRef(String id, String name, String homeRegionCode) {
}
