package eu.plenum.compliance.export;

import static eu.plenum.testsupport.fuzz.FuzzInput.check;

import eu.plenum.audience.AttendanceCsv;
import eu.plenum.audience.AttendanceReports;
import eu.plenum.compliance.audit.AuditExport;
import eu.plenum.compliance.audit.AuditRow;
import eu.plenum.scheduling.RegistrantCsv;
import eu.plenum.scheduling.RegistrantView;
import eu.plenum.shared.AuditEntry;
import eu.plenum.testsupport.fuzz.FuzzInput;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Fuzz target (Jazzer) for every CSV writer (registrants, attendance, audit export, subject-access export;
 * the register goes through the registrants' field writer): fuzzed values must read back through Commons CSV
 * as one field each, unchanged, except that a value a spreadsheet would run as a formula (= + - @ tab CR
 * first, OWASP's list) is read back with one leading apostrophe.
 */
public final class CsvFuzzTarget {

    private static final Instant AT = Instant.parse("2026-05-04T10:00:00Z");

    private CsvFuzzTarget() {
    }

    public static void fuzzerTestOneInput(byte[] input) {
        List<String> v = FuzzInput.values(input, 4);
        registrants(v);
        attendance(v);
        audit(v);
        subjectExport(v);
    }

    private static void registrants(List<String> v) {
        RegistrantView registrant = new RegistrantView(UUID.randomUUID(), v.get(0), v.get(1), v.get(2), true, false,
                OffsetDateTime.of(2026, 5, 4, 10, 0, 0, 0, ZoneOffset.UTC), Map.of(v.get(3), v.get(0)));
        List<CSVRecord> rows = read(RegistrantCsv.write(List.of(registrant), List.of(v.get(3))));
        check(rows.size() == 2, "registrants: " + rows.size() + " rows");
        same(rows.get(0), List.of("Name", "E-mail", "Status", "Recording consent", "Registered at", v.get(3)));
        same(rows.get(1), List.of(v.get(0), v.get(1), v.get(2), "yes", "2026-05-04T10:00Z", v.get(0)));
    }

    private static void attendance(List<String> v) {
        AttendanceReports.Attendee attendee = new AttendanceReports.Attendee(UUID.randomUUID(), v.get(0), v.get(1), AT, AT, 3, 1, null, 2);
        AttendanceReports.Report report = new AttendanceReports.Report(UUID.randomUUID(), v.get(2), UUID.randomUUID(), AT, AT, AT, true,
                null, List.of(attendee), true, AT, List.of());
        List<CSVRecord> rows = read(AttendanceCsv.write(report));
        check(rows.size() == 2, "attendance: " + rows.size() + " rows");
        same(rows.get(1), List.of(v.get(0), v.get(1), AT.toString(), AT.toString(), "3", "1", "", "2"));
    }

    private static void audit(List<String> v) {
        AuditEntry entry = new AuditEntry(v.get(0), v.get(1), v.get(2), v.get(3), v.get(0), Map.of());
        List<CSVRecord> rows = read(AuditExport.csvLine(new AuditRow(7, AT, v.get(3), entry, "00", "ff")));
        check(rows.size() == 1, "audit: " + rows.size() + " rows");
        same(rows.get(0), List.of("7", AT.toString(), v.get(3), v.get(0), v.get(1), v.get(2), v.get(3), v.get(0), "{}", "00", "ff"));
    }

    private static void subjectExport(List<String> v) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(v.get(0).isEmpty() ? "a" : v.get(0), v.get(1));
        item.putIfAbsent("b", v.get(2));
        List<CSVRecord> rows = read(ExportArchive.csv(List.of(item)));
        check(rows.size() == 2, "export: " + rows.size() + " rows");
        same(rows.get(0), List.copyOf(item.keySet()));
        same(rows.get(1), item.values().stream().map(String::valueOf).toList());
    }

    private static List<CSVRecord> read(String csv) {
        try {
            return CSVFormat.RFC4180.builder().get().parse(new StringReader(csv)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new AssertionError("not readable as CSV: " + csv, e);
        }
    }

    private static void same(CSVRecord row, List<String> written) {
        check(row.size() == written.size(), "row has " + row.size() + " fields, " + written.size() + " written: " + row);
        for (int i = 0; i < written.size(); i++) {
            String value = written.get(i);
            String expected = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
            check(expected.equals(row.get(i)), "field " + i + ": wrote " + escape(value) + ", read " + escape(row.get(i)));
        }
    }

    private static String escape(String value) {
        return value.codePoints().collect(StringBuilder::new,
                (out, c) -> out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", c) : Character.toString(c)), StringBuilder::append)
                .toString();
    }
}
