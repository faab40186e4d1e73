package eu.plenum.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locations inside the project checkout that tests read or write. */
public final class ProjectPaths {

    private ProjectPaths() {
    }

    /** The project's root folder (where pom.xml is). */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Tests must run inside the Plenum checkout");
        }
        return dir;
    }

    public static Path target(String first, String... more) {
        return root().resolve("target").resolve(Path.of(first, more));
    }
}
