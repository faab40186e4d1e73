package eu.plenum.shared;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST method whose successful call is a staff act for the audit log (a read of personal
 * data, a role or configuration change): the compliance context records it, with the caller's account
 * id and the request path as target, once the method has succeeded. Declared here so any context's
 * resource can carry it without depending on compliance.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Audited {

    /** The action, e.g. {@code personal-data.read}, {@code role.changed}, {@code config.changed}. */
    String value() default "";

    /** The path parameter that names the tenant concerned; empty: the caller's own tenant. */
    String tenantParam() default "";

    /** What was read or changed, a stable word for the details, e.g. {@code registrants-csv}. */
    String what() default "";
}
