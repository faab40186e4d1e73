package eu.plenum.shared;

import java.util.List;

/**
 * A failure the caller can act on. Every context throws subclasses of this; the web layer maps
 * them once to {@code application/problem+json} (API) or an error page (browser).
 */
public abstract class PlenumException extends RuntimeException {

    private final String problemType;

    protected PlenumException(String problemType, String detail) {
        super(detail);
        this.problemType = problemType;
    }

    /** HTTP status that fits the failure. */
    public abstract int status();

    /** Short, stable slug naming the kind of problem, e.g. {@code no-tenant}. */
    public String problemType() {
        return problemType;
    }

    /** Seconds after which repeating the request may succeed (sent as {@code Retry-After}); empty when it would not help. */
    public java.util.OptionalInt retryAfterSeconds() {
        return java.util.OptionalInt.empty();
    }

    /** Headers the answer must carry besides the problem (e.g. a 416's {@code Content-Range}); none by default. */
    public java.util.Map<String, String> headers() {
        return java.util.Map.of();
    }

    /** Members the problem carries besides RFC 9457's own (e.g. a quota's name, limit and usage); none by default. */
    public java.util.Map<String, Object> extensions() {
        return java.util.Map.of();
    }

    /** Field-level errors, empty unless the input was invalid. */
    public List<FieldError> fieldErrors() {
        return List.of();
    }

    /** One invalid input field and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
