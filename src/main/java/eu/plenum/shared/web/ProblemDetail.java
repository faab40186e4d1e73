package eu.plenum.shared.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import eu.plenum.shared.PlenumException.FieldError;
import java.util.List;

/** RFC 9457 problem details, plus the correlation id and the invalid fields. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDetail(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String correlationId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static String typeUri(String slug) {
        return "urn:plenum:problem:" + slug;
    }
}
