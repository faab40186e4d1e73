package eu.plenum.shared.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.ProjectPaths;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The suite's application booted on an empty embedded PostgreSQL: Flyway applied every file of
 * migrations/ and Hibernate validated the entities against the result (it never generates).
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class SchemaTest {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.hibernate-orm.schema-management.strategy")
    String schemaStrategy;

    @Test
    void everyMigrationFileWasAppliedInOrder() throws IOException, SQLException {
        List<String> files = migrationFiles();
        List<String> applied = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT script, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (rows.next()) {
                assertTrue(rows.getBoolean("success"), rows.getString("script") + " failed");
                applied.add(Path.of(rows.getString("script")).getFileName().toString());
            }
        }
        assertEquals(files, applied);
    }

    @Test
    void migrationsFollowTheNamingRule() throws IOException {
        for (String file : migrationFiles()) {
            assertTrue(file.matches("V\\d{3}__[a-z]+_[a-z0-9_]+\\.sql"), file + " is not V<NNN>__<context>_<change>.sql");
        }
    }

    @Test
    void hibernateOnlyValidatesTheSchema() {
        assertEquals("validate", schemaStrategy);
    }

    private static List<String> migrationFiles() throws IOException {
        try (Stream<Path> files = Files.list(ProjectPaths.root().resolve("migrations"))) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".sql")).sorted().toList();
        }
    }
}
