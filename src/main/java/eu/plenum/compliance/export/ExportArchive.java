package eu.plenum.compliance.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.plenum.scheduling.RegistrantCsv;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One export ZIP being written: per category a JSON file (an array of items, for another system to
 * import, Art. 20) and a CSV file (for a spreadsheet), plus the readable summary. Not thread-safe;
 * one job writes one archive.
 */
final class ExportArchive implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ZipOutputStream zip;

    ExportArchive(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    }

    /** {@code <category>.json} and {@code <category>.csv}. */
    void category(String category, List<Map<String, Object>> items) throws IOException {
        entry(category + ".json", JSON.writeValueAsBytes(items));
        entry(category + ".csv", csv(items).getBytes(StandardCharsets.UTF_8));
    }

    void entry(String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** RFC 4180: a header of every field that occurs, then one line per item; every value quoted. */
    static String csv(List<Map<String, Object>> items) {
        Set<String> fields = new LinkedHashSet<>();
        items.forEach(item -> fields.addAll(item.keySet()));
        StringBuilder out = new StringBuilder();
        out.append(line(new ArrayList<>(fields)));
        for (Map<String, Object> item : items) {
            List<String> values = new ArrayList<>();
            for (String field : fields) {
                Object value = item.get(field);
                values.add(value == null ? "" : String.valueOf(value));
            }
            out.append(line(values));
        }
        return out.toString();
    }

    private static String line(List<String> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            // quoted, and a leading = + - @ tab or CR (a formula in a spreadsheet) defused, as in every CSV of Plenum
            line.append(RegistrantCsv.field(values.get(i)));
        }
        return line.append("\r\n").toString();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
