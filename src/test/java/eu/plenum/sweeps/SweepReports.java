package eu.plenum.sweeps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Every finding of a sweep in target/sweep-reports/NAME.txt: Surefire's report cuts a long failure message short. */
final class SweepReports {

    private SweepReports() {
    }

    static void write(String name, List<String> violations) {
        try {
            Path file = Path.of("target", "sweep-reports", name + ".txt");
            Files.createDirectories(file.getParent());
            Files.write(file, violations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
