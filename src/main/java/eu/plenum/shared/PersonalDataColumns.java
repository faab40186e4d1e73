package eu.plenum.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The personal-data columns a {@link PersonalDataHolder} exports and erases, as {@code table.column}:
 * the registry that the compliance coverage test compares with the real schema, so that a new column
 * that looks personal fails the build until some holder covers it (or it is judged not personal).
 * An annotation rather than a method, so that {@link PersonalDataHolder}'s signature stays as it is.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PersonalDataColumns {

    /** Each covered column as {@code table.column}, lower case. */
    String[] value();
}
