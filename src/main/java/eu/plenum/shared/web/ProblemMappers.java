package eu.plenum.shared.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import eu.plenum.shared.Pages;
import eu.plenum.shared.PlenumException;
import eu.plenum.shared.PlenumException.FieldError;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.CharConversionException;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become responses: {@code application/problem+json} for API
 * clients, a localised error page for browsers. 5xx answers carry a correlation id and never
 * the exception's internals; the details go to the log under the same id.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final Template errorPage;
    private final Pages pages;
    private final CurrentVertxRequest currentRequest;

    ProblemMappers(@Location("error.html") Template errorPage, Pages pages, CurrentVertxRequest currentRequest) {
        this.errorPage = errorPage;
        this.pages = pages;
        this.currentRequest = currentRequest;
    }

    @ServerExceptionMapper
    public Response plenum(PlenumException e, ContainerRequestContext request) {
        Response problem = respond(request, e.status(), e.problemType(), e.getMessage(), e.fieldErrors(), e.extensions());
        if (e.retryAfterSeconds().isEmpty() && e.headers().isEmpty()) {
            return problem;
        }
        Response.ResponseBuilder answer = Response.fromResponse(problem);
        e.retryAfterSeconds().ifPresent(seconds -> answer.header("Retry-After", String.valueOf(seconds)));
        e.headers().forEach(answer::header);
        return answer.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, ContainerRequestContext request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new FieldError(fieldName(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return respond(request, 400, "invalid-input", "The request has invalid fields.", errors);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, ContainerRequestContext request) {
        Response problem = respond(request, 401, "unauthenticated",
                "Sign in, or send a valid bearer token from the Plenum realm.", List.of());
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"plenum\"").build();
    }

    /**
     * Bodies that are not JSON, or JSON of the wrong shape for the address. Named with Jackson's
     * {@link MismatchedInputException} too, so that this mapper, not Quarkus's built-in one (plain JSON,
     * or an empty 400), answers wrong types and missing bodies; and with the {@link CharConversionException}
     * Jackson's encoding detection throws for bytes that are no Unicode at all (it is no JsonProcessingException).
     */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class, CharConversionException.class})
    public Response unreadable(IOException e, ContainerRequestContext request) {
        return respond(request, 400, "unreadable-body", "The request body is not valid JSON for this address.",
                UnreadableBodies.fieldErrors(e));
    }

    /** Two requests raced for the same unique thing (e.g. the same address registering twice at once). */
    @ServerExceptionMapper
    public Response concurrentDuplicate(org.hibernate.exception.ConstraintViolationException e, ContainerRequestContext request) {
        if (e.getKind() != org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
            return unexpected(e, request);
        }
        return respond(request, 409, "conflict", "A concurrent request changed the same thing; send it again.", List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        return respond(request, 403, "forbidden", "Your role does not allow this.", List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, ContainerRequestContext request) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        if (status == 400 && e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable, request);
        }
        String detail = switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept the " + request.getMethod() + " method.";
            case 406 -> "None of the accepted media types can be produced.";
            case 413 -> "The request body is larger than this address accepts.";
            case 415 -> "The request body has a media type this address does not accept.";
            default -> "The request could not be understood.";
        };
        Response problem = respond(request, status, slug(status), detail, List.of());
        String allowed = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        // A 405 names the methods the address does take (RFC 9110, section 15.5.6).
        return status == 405 && allowed != null ? Response.fromResponse(problem).header(HttpHeaders.ALLOW, allowed).build() : problem;
    }

    @ServerExceptionMapper(priority = Integer.MAX_VALUE)
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        if (optimisticLockConflict(e)) {
            // Two edits of the same versioned row (webinar, live room): the later one lost; it may retry.
            return respond(request, 409, "concurrent-update",
                    "Someone else changed this at the same moment; load it again and repeat your change.", List.of());
        }
        if (databaseUnavailable(e)) {
            // Failover or outage: a quick, retryable answer instead of a hanging request or a 500.
            LOG.warnf("Database unavailable for %s %s", request.getMethod(), request.getUriInfo().getPath());
            Response problem = respond(request, 503, "database-unavailable",
                    "The database is switching over or unreachable; retry in a few seconds.", List.of());
            return Response.fromResponse(problem).header("Retry-After", "2").build();
        }
        String correlationId = CorrelationIds.of(currentRequest.getCurrent());
        // Types, SQL states and frames only: database messages quote the refused row (addresses, names).
        LOG.errorf(SanitisedFailure.of(e), "Unexpected failure of %s %s [cid:%s]", request.getMethod(),
                loggablePath(request.getUriInfo().getPath()), correlationId);
        return respond(request, 500, "internal-error",
                "Something went wrong on our side. Quote correlation id " + correlationId + " when you report it.", List.of());
    }

    private Response respond(ContainerRequestContext request, int status, String slug, String detail, List<FieldError> errors) {
        return respond(request, status, slug, detail, errors, java.util.Map.of());
    }

    private Response respond(ContainerRequestContext request, int status, String slug, String detail, List<FieldError> errors,
            java.util.Map<String, Object> extensions) {
        String correlationId = CorrelationIds.of(currentRequest.getCurrent());
        String path = request.getUriInfo().getPath();
        if (wantsPage(request, path)) {
            String page = pages.render(errorPage.data("status", status).data("slug", slug)
                    .data("detail", detail).data("correlationId", correlationId));
            return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
        }
        ProblemDetail problem = new ProblemDetail(ProblemDetail.typeUri(slug), title(status), status, detail, path,
                correlationId, errors, extensions);
        return Response.status(status).type(ProblemDetail.MEDIA_TYPE).entity(problem).build();
    }

    /** Whether a failure comes from losing the database; see {@link DatabaseUnavailability}. */
    static boolean databaseUnavailable(Throwable e) {
        return DatabaseUnavailability.causedBy(e);
    }

    /**
     * Whether the failure, however wrapped (commit, interceptor, Hibernate), is a lost optimistic
     * lock: a row with {@code @Version} changed between read and write.
     */
    static boolean optimisticLockConflict(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof org.hibernate.StaleStateException) {
                return true;
            }
        }
        return false;
    }

    /** The path with opaque segments (tokens, anything with an address in it) left out of the log. */
    static String loggablePath(String path) {
        return java.util.Arrays.stream(path.split("/", -1))
                .map(segment -> segment.matches("[A-Za-z0-9._-]{0,40}") ? segment : "{redacted}")
                .collect(java.util.stream.Collectors.joining("/"));
    }

    /** Browsers navigating to pages get HTML; the API and everything else get problem+json. */
    private static boolean wantsPage(ContainerRequestContext request, String path) {
        if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/q/")) {
            return false;
        }
        return request.getAcceptableMediaTypes().stream()
                .anyMatch(type -> type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType());
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        // "create.request.name" -> "name": callers know fields, not Java method parameters.
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", List.of(parts).subList(2, parts.length)) : parts[parts.length - 1];
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "body-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
    }

    static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }
}
