package eu.plenum.sweeps;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operations the running app publishes in {@code /q/openapi}, read at test time so that the sweeps
 * reach every endpoint there is, including one added after they were written.
 */
final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch", "head", "options");

    /** One parameter of an operation: its name, where it goes (path, query, header) and its schema type/format. */
    record Parameter(String name, String in, String type, String format) {
    }

    /** One operation: method, path template, parameters, the media types of its body, whether it names a security scheme. */
    record Operation(String method, String path, List<Parameter> parameters, List<String> bodyTypes, boolean secured) {

        List<Parameter> in(String where) {
            return parameters.stream().filter(parameter -> parameter.in().equals(where)).toList();
        }

        /** Path parameters in the order they appear in the template (the document lists them alphabetically). */
        List<String> pathParameterNames() {
            List<String> names = new ArrayList<>();
            java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private OpenApiOperations() {
    }

    /** The running app's OpenAPI document, as JSON. */
    static JsonNode document() {
        String document = given().accept("application/json").queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        try {
            return new ObjectMapper().readTree(document);
        } catch (java.io.IOException e) {
            throw new AssertionError("/q/openapi is not JSON", e);
        }
    }

    static List<Operation> all(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> entries = path.getValue().fields(); entries.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = entries.next();
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                JsonNode operation = entry.getValue();
                Map<String, Parameter> parameters = new LinkedHashMap<>();
                for (JsonNode list : List.of(path.getValue().path("parameters"), operation.path("parameters"))) {
                    for (JsonNode parameter : list) {
                        parameters.put(parameter.path("in").asText() + ":" + parameter.path("name").asText(), new Parameter(
                                parameter.path("name").asText(), parameter.path("in").asText(),
                                parameter.path("schema").path("type").asText(null), parameter.path("schema").path("format").asText(null)));
                    }
                }
                List<String> bodyTypes = new ArrayList<>();
                operation.path("requestBody").path("content").fieldNames().forEachRemaining(bodyTypes::add);
                operations.add(new Operation(entry.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                        List.copyOf(parameters.values()), bodyTypes, operation.has("security")));
            }
        }
        return operations;
    }
}
