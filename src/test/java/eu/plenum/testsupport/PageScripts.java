package eu.plenum.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** JavaScript that tests evaluate in Chromium pages, kept as test resources. */
final class PageScripts {

    private PageScripts() {
    }

    static String load(String resource) {
        try (InputStream in = PageScripts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test script " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
