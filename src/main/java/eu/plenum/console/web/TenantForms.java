package eu.plenum.console.web;

import eu.plenum.shared.InvalidInputException;
import java.util.regex.Pattern;

/** The checks the API's Bean Validation makes on a tenant, for the console's plain form fields. */
final class TenantForms {

    private static final Pattern TENANT_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");
    private static final Pattern REGION = Pattern.compile("^[a-z]{2}-[a-z0-9-]{2,28}$");

    private TenantForms() {
    }

    static String tenantId(String value) {
        String id = value == null ? "" : value.strip();
        if (!TENANT_ID.matcher(id).matches()) {
            throw InvalidInputException.of("id", "2 to 63 lower-case letters, digits and dashes, starting with a letter or digit");
        }
        return id;
    }

    static String name(String value) {
        String name = value == null ? "" : value.strip();
        if (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw InvalidInputException.of("name", "1 to 200 characters on one line");
        }
        return name;
    }

    static String regionCode(String value) {
        String code = value == null ? "" : value.strip();
        if (!REGION.matcher(code).matches()) {
            throw InvalidInputException.of("homeRegionCode", "a region code such as eu-fra");
        }
        return code;
    }

    static String optional(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String basis = value.strip();
        if (basis.length() > 300 || basis.chars().anyMatch(Character::isISOControl)) {
            throw InvalidInputException.of("adequacyLegalBasis", "at most 300 characters on one line");
        }
        return basis;
    }

    /** A quota field: empty for the configured default, else a whole number from 0 (at most 18 digits). */
    static Long quota(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String digits = value.strip();
        if (!digits.matches("[0-9]{1,18}")) {
            throw InvalidInputException.of(field, "a whole number from 0, or empty for the default");
        }
        return Long.parseLong(digits);
    }
}
