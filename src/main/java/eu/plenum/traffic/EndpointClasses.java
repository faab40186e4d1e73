package eu.plenum.traffic;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Sorts a request into its endpoint class by method and path, and finds the credential it carries:
 * a bearer token, else the token that the class's {@code credential} group marks in the path.
 */
final class EndpointClasses {

    /** A request's class, with the credential it presents (empty for anonymous requests). */
    record Match(EndpointClass endpoint, Optional<String> credential) {
    }

    private final List<EndpointClass> classes;

    EndpointClasses(List<EndpointClass> classes) {
        this.classes = classes.stream().sorted(Comparator.comparingInt(EndpointClass::order).thenComparing(EndpointClass::name)).toList();
    }

    static EndpointClasses of(Map<String, TrafficConfig.EndpointLimits> configured) {
        return new EndpointClasses(configured.entrySet().stream().map(entry -> {
            TrafficConfig.EndpointLimits limits = entry.getValue();
            return new EndpointClass(entry.getKey(), Pattern.compile(limits.paths()),
                    limits.methods().orElse(List.of()).stream().map(method -> method.strip().toUpperCase(Locale.ROOT))
                            .collect(Collectors.toSet()),
                    limits.order(), limits.shared(),
                    limits.perAddress().map(limit -> new EndpointClass.Rate(limit.requests(), limit.period())),
                    limits.perCredential().map(limit -> new EndpointClass.Rate(limit.requests(), limit.period())));
        }).toList());
    }

    List<EndpointClass> all() {
        return classes;
    }

    /** The first class (lowest order) whose methods and path match; empty for paths no class limits. */
    Optional<Match> classify(String method, String path, String authorization) {
        for (EndpointClass endpoint : classes) {
            if (!endpoint.covers(method)) {
                continue;
            }
            Matcher matcher = endpoint.paths().matcher(path);
            if (matcher.matches()) {
                return Optional.of(new Match(endpoint, credential(matcher, authorization)));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> credential(Matcher matcher, String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) && authorization.length() > 7) {
            return Optional.of("bearer:" + authorization.substring(7).strip());
        }
        if (matcher.pattern().pattern().contains("(?<credential>")) {
            String token = matcher.group("credential");
            if (token != null && !token.isEmpty()) {
                return Optional.of("path:" + token);
            }
        }
        return Optional.empty();
    }
}
