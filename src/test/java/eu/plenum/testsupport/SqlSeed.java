package eu.plenum.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Rows written straight into a database for tests that run the packaged jar without Keycloak. */
public final class SqlSeed {

    private SqlSeed() {
    }

    /** A tenant with one open, one-off webinar whose single session starts at {@code start}; returns the webinar id. */
    public static UUID webinarWithOneSession(Connection connection, String tenantId, String title, OffsetDateTime start)
            throws SQLException {
        UUID webinar = UUID.randomUUID();
        try (PreparedStatement tenant = connection.prepareStatement(
                "INSERT INTO tenant (id, name, home_region_code) VALUES (?, ?, 'eu-fra')")) {
            tenant.setString(1, tenantId);
            tenant.setString(2, "Tenant " + tenantId);
            tenant.execute();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO webinar (id, tenant_id, title, language, time_zone, start_local, duration_minutes, recurrence,
                    capacity, registration_mode, recording_policy, status, created_by)
                VALUES (?, ?, ?, 'en', 'UTC', ?, 60, 'NONE', 10000, 'OPEN', 'OFF', 'SCHEDULED', 'it')""")) {
            insert.setObject(1, webinar);
            insert.setString(2, tenantId);
            insert.setString(3, title);
            insert.setObject(4, start.toLocalDateTime());
            insert.execute();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO webinar_session (id, webinar_id, tenant_id, occurrence, starts_at, ends_at, status)
                VALUES (?, ?, ?, 0, ?, ?, 'SCHEDULED')""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, webinar);
            insert.setString(3, tenantId);
            insert.setObject(4, start);
            insert.setObject(5, start.plusHours(1));
            insert.execute();
        }
        return webinar;
    }
}
