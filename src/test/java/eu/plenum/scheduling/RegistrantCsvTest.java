package eu.plenum.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** CSV export is RFC 4180 and never hands a spreadsheet a formula. */
class RegistrantCsvTest {

    @Test
    void neutralisesFormulasAndQuotesEverything() {
        assertEquals("\"'=HYPERLINK(\"\"http://evil\"\")\"", RegistrantCsv.field("=HYPERLINK(\"http://evil\")"));
        assertEquals("\"'+1\"", RegistrantCsv.field("+1"));
        assertEquals("\"'-2\"", RegistrantCsv.field("-2"));
        assertEquals("\"'@SUM(A1)\"", RegistrantCsv.field("@SUM(A1)"));
        assertEquals("\"'\tx\"", RegistrantCsv.field("\tx"));
        assertEquals("\"a, \"\"b\"\"\nc\"", RegistrantCsv.field("a, \"b\"\nc"));
    }

    @Test
    void writesHeaderAndAnswerColumns() {
        RegistrantView registrant = new RegistrantView(UUID.randomUUID(), "=cmd|' /C calc'!A0", "x@example.org", "REGISTERED",
                true, false, OffsetDateTime.parse("2027-01-01T10:00:00Z"), Map.of("Role", "Manager"));
        String csv = RegistrantCsv.write(List.of(registrant), List.of("Role", "Company"));
        assertEquals("\"Name\",\"E-mail\",\"Status\",\"Recording consent\",\"Registered at\",\"Role\",\"Company\"\r\n"
                + "\"'=cmd|' /C calc'!A0\",\"x@example.org\",\"REGISTERED\",\"yes\",\"2027-01-01T10:00Z\",\"Manager\",\"\"\r\n", csv);
    }
}
