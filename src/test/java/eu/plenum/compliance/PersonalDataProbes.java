package eu.plenum.compliance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.shared.PersonalDataColumns;
import eu.plenum.shared.PersonalDataHolder;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.inject.Instance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The SQL probes the compliance tests judge a seeded person's data with (which columns still hold a
 * text, counts, single values); the people themselves come from the one seed fixture,
 * {@code testsupport.PersonSeed}.
 */
final class PersonalDataProbes {

    private final AgroalDataSource dataSource;

    PersonalDataProbes(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every covered column (as the holders declare them) in which {@code text} occurs, case-insensitively. */
    List<String> coveredColumnsHolding(Instance<PersonalDataHolder> holders, String text) throws Exception {
        List<String> found = new ArrayList<>();
        for (Instance.Handle<PersonalDataHolder> holder : holders.handles()) {
            for (String column : holder.getBean().getBeanClass().getAnnotation(PersonalDataColumns.class).value()) {
                if (holds(column, text)) {
                    found.add(column);
                }
            }
        }
        return found;
    }

    /**
     * Every column of the schema that can hold text (character, text, JSON), covered by a holder or
     * not — the transfer log's purpose, webhook payloads and mail bodies included — in which
     * {@code text} occurs, case-insensitively.
     */
    List<String> textColumnsHolding(String text) throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("""
                        SELECT c.table_name, c.column_name FROM information_schema.columns c JOIN information_schema.tables t
                            ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
                        WHERE c.table_schema = current_schema() AND c.table_name <> 'flyway_schema_history'
                            AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')""")) {
            while (result.next()) {
                columns.add(result.getString(1) + "." + result.getString(2));
            }
        }
        List<String> found = new ArrayList<>();
        for (String column : columns) {
            if (holds(column, text)) {
                found.add(column);
            }
        }
        return found;
    }

    private boolean holds(String column, String text) throws Exception {
        String[] parts = column.split("\\.");
        return count("SELECT count(*) FROM " + parts[0] + " WHERE strpos(lower(" + parts[1] + "::text), lower(?)) > 0", text) > 0;
    }

    long count(String sql, Object parameter) throws Exception {
        return query(sql, parameter, result -> result.getLong(1));
    }

    UUID uuid(String sql, Object parameter) throws Exception {
        return query(sql, parameter, result -> result.getObject(1, UUID.class));
    }

    String text(String sql, Object parameter) throws Exception {
        return query(sql, parameter, result -> result.getString(1));
    }

    interface Column<T> {
        T read(ResultSet result) throws Exception;
    }

    <T> T query(String sql, Object parameter, Column<T> column) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                assertTrue(result.next(), "no row for " + sql);
                return column.read(result);
            }
        }
    }
}
