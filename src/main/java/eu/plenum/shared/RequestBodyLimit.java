package eu.plenum.shared;

import java.util.regex.Pattern;

/**
 * A tighter limit than {@code quarkus.http.limits.max-body-size} for requests whose path matches
 * {@code path}: at most {@code maxBytes} bytes, and a Content-Length is required. A context
 * declares it as a CDI bean; {@code what} names the body in the 413 ("An SDP offer").
 */
public record RequestBodyLimit(Pattern path, long maxBytes, String what) {
}
