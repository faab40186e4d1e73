package eu.plenum.sites;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's {@code synchronous_standby_names} read the way the server reads it:
 * {@code [FIRST|ANY] n (name, ...)} or a plain list {@code name, ...} (one of them must confirm);
 * names may be double-quoted, {@code *} stands for any standby, and names compare case-insensitively.
 */
record SynchronousStandbyNames(int required, List<String> names) {

    private static final Pattern COUNTED = Pattern.compile("(?is)^(?:(?:FIRST|ANY)\\s+)?(\\d+)\\s*\\((.*)\\)$");

    static SynchronousStandbyNames parse(String setting) {
        String value = setting == null ? "" : setting.strip();
        if (value.isEmpty()) {
            return new SynchronousStandbyNames(0, List.of());
        }
        Matcher counted = COUNTED.matcher(value);
        if (counted.matches()) {
            return new SynchronousStandbyNames(Integer.parseInt(counted.group(1)), split(counted.group(2)));
        }
        return new SynchronousStandbyNames(1, split(value));
    }

    /** Whether commits wait for a standby at all. */
    boolean expectsStandby() {
        return required > 0 && !names.isEmpty();
    }

    private static List<String> split(String list) {
        List<String> names = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < list.length() && list.charAt(i + 1) == '"') {
                    name.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                add(names, name);
            } else {
                name.append(c);
            }
        }
        add(names, name);
        return names;
    }

    private static void add(List<String> names, StringBuilder name) {
        String stripped = name.toString().strip();
        if (!stripped.isEmpty()) {
            names.add(stripped);
        }
        name.setLength(0);
    }
}
