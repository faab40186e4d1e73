-- Tenants: the organisations that host webinars. Every host belongs to exactly one tenant,
-- named by the plenum_tenant claim of their Keycloak token (see docs/architecture.md).
CREATE TABLE tenant (
    id                varchar(63)  PRIMARY KEY
                      CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name              varchar(200) NOT NULL CHECK (length(btrim(name)) > 0),
    -- Region catalogue code of the tenant's home region; personal data of the tenant stays there.
    home_region_code  varchar(32)  NOT NULL CHECK (home_region_code ~ '^[a-z]{2}-[a-z0-9-]{2,28}$'),
    created_at        timestamptz  NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX tenant_name_unique ON tenant (lower(name));
