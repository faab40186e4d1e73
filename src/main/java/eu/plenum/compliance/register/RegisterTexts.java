package eu.plenum.compliance.register;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The register's words in English and German, from {@code compliance/register*.properties}: a plain
 * resource bundle rather than a Qute message bundle, because its keys are built from category names
 * ({@code category.live-events}) and the CSV needs them outside a template.
 */
public final class RegisterTexts {

    private final ResourceBundle bundle;
    private final Locale locale;

    private RegisterTexts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("compliance.register", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static RegisterTexts of(Locale locale) {
        return new RegisterTexts("de".equals(locale.getLanguage()) ? Locale.GERMAN : Locale.ROOT);
    }

    public String language() {
        return locale == Locale.ROOT ? "en" : locale.getLanguage();
    }

    /** The text of a key; the key itself when there is none, so a new category shows up rather than vanishing. */
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    public String get(String key, Object... values) {
        String text = get(key);
        for (int i = 0; i < values.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(values[i]));
        }
        return text;
    }

    /** The backups sentence with the days filled in (templates call this, not the varargs form). */
    public String backups(long days) {
        return get("backups.text", days);
    }
}
