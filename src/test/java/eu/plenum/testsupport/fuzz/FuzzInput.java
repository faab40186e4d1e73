package eu.plenum.testsupport.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a fuzz input into text values at each 0xFF byte (never part of UTF-8), so that seed and
 * regression files under src/test/resources/fuzz stay readable and can be written by hand.
 */
public final class FuzzInput {

    private FuzzInput() {
    }

    /** Exactly {@code count} values: missing ones are empty, extra ones are joined into the last. */
    public static List<String> values(byte[] input, int count) {
        List<String> values = new ArrayList<>();
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        for (byte b : input) {
            if (b == (byte) 0xFF && values.size() < count - 1) {
                values.add(current.toString(StandardCharsets.UTF_8));
                current.reset();
            } else {
                current.write(b);
            }
        }
        values.add(current.toString(StandardCharsets.UTF_8));
        while (values.size() < count) {
            values.add("");
        }
        return values;
    }

    public static void check(boolean holds, String what) {
        if (!holds) {
            throw new AssertionError(what);
        }
    }
}
