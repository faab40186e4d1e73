package eu.plenum.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every JDBC URL the app connects with leaves PostgreSQL's row-quoting DETAIL out of its messages. */
class JdbcUrlsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://127.0.0.1:5432/plenum | jdbc:postgresql://127.0.0.1:5432/plenum?logServerErrorDetail=false",
        "jdbc:postgresql://a:5432,b:5433/plenum?targetServerType=primary | jdbc:postgresql://a:5432,b:5433/plenum?targetServerType=primary&logServerErrorDetail=false",
        "jdbc:postgresql://h/db?logServerErrorDetail=true | jdbc:postgresql://h/db?logServerErrorDetail=false",
        "jdbc:postgresql://h/db?logServerErrorDetail=true&connectTimeout=2 | jdbc:postgresql://h/db?connectTimeout=2&logServerErrorDetail=false",
        "jdbc:postgresql://h/db?connectTimeout=2&logServerErrorDetail=TRUE | jdbc:postgresql://h/db?connectTimeout=2&logServerErrorDetail=false",
        "jdbc:postgresql://h/db?logServerErrorDetail=false | jdbc:postgresql://h/db?logServerErrorDetail=false",
    })
    void setsTheParameterToFalse(String url, String expected) {
        assertEquals(expected, JdbcUrls.withoutServerErrorDetail(url));
    }
}
