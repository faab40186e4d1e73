package eu.plenum.shared.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import eu.plenum.shared.PlenumException.FieldError;
import java.util.List;

/** RFC 9457 problem details, plus the correlation id, the invalid fields and any extension members of the failure. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDetail(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String correlationId,
        List<FieldError> errors,
        @com.fasterxml.jackson.annotation.JsonIgnore java.util.Map<String, Object> extensions) {

    public ProblemDetail(String type, String title, int status, String detail, String instance, String correlationId,
            List<FieldError> errors) {
        this(type, title, status, detail, instance, correlationId, errors, java.util.Map.of());
    }

    /** Extension members (RFC 9457 section 3.2) written beside the standard ones. */
    @com.fasterxml.jackson.annotation.JsonAnyGetter
    public java.util.Map<String, Object> extensionMembers() {
        return extensions;
    }

    public static final String MEDIA_TYPE = "application/problem+json";

    public static String typeUri(String slug) {
        return "urn:plenum:problem:" + slug;
    }
}
