package eu.plenum.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed-in page session without a browser: the real authorization-code flow of the web client
 * (app redirect, Keycloak's login form, code exchange by the app), followed by hand with a cookie jar
 * per server, that leaves the app's session cookies as a Cookie header for tests that call pages as a user.
 */
public final class PageSessions {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(20)).build();

    private PageSessions() {
    }

    /** Where a sign-in ended: the page's address and status, and the Cookie header of the app's session. */
    public record Landing(URI uri, int status, String body, String cookie) {
    }

    /** Signs {@code username} in through {@code appBase + "/signin"}; returns the Cookie header of the app's session. */
    public static String signIn(String appBase, String username) {
        return landing(appBase, username).cookie();
    }

    /** Signs {@code username} in and says where they landed (their start page after {@code /signin}). */
    public static Landing landing(String appBase, String username) {
        Map<String, Map<String, String>> jars = new LinkedHashMap<>();
        try {
            HttpResponse<String> login = follow(jars, HttpRequest.newBuilder(URI.create(appBase + "/signin")).header("Accept", "text/html"));
            Matcher form = FORM_ACTION.matcher(login.body());
            Matcher action = form.find() ? ACTION.matcher(form.group()) : null;
            if (action == null || !action.find()) {
                throw new AssertionError("No Keycloak login form at " + login.uri() + " (" + login.statusCode() + ")");
            }
            String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(Tokens.password(username), StandardCharsets.UTF_8) + "&credentialId=";
            HttpResponse<String> signedIn = follow(jars, HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            if (!signedIn.uri().toString().startsWith(appBase) || signedIn.statusCode() >= 400) {
                throw new AssertionError(username + " was not signed in: ended at " + signedIn.uri() + " (" + signedIn.statusCode() + ")");
            }
            return new Landing(signedIn.uri(), signedIn.statusCode(), signedIn.body(),
                    header(jars.getOrDefault(URI.create(appBase).getRawAuthority(), Map.of())));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern PASSWORD_FORM = Pattern.compile("<form[^>]*id=\"kc-passwd-update-form\"[^>]*>");
    private static final Pattern ACTION_LINK = Pattern.compile("href=\"([^\"]*login-actions/[^\"]*)\"");

    /**
     * Opens a Keycloak action link from a mail (execute-actions: "set your password") and sets {@code newPassword}
     * on Keycloak's own pages, as the invited person does; returns the last page Keycloak showed.
     */
    public static HttpResponse<String> setPasswordThroughMailLink(String link, String newPassword) {
        Map<String, Map<String, String>> jars = new LinkedHashMap<>();
        try {
            HttpResponse<String> page = follow(jars, HttpRequest.newBuilder(URI.create(link)).header("Accept", "text/html"));
            for (int step = 0; step < 4; step++) {
                Matcher form = PASSWORD_FORM.matcher(page.body());
                if (form.find()) {
                    Matcher action = ACTION.matcher(form.group());
                    if (!action.find()) {
                        throw new AssertionError("Keycloak's password form has no action: " + page.uri());
                    }
                    String body = "password-new=" + URLEncoder.encode(newPassword, StandardCharsets.UTF_8)
                            + "&password-confirm=" + URLEncoder.encode(newPassword, StandardCharsets.UTF_8);
                    return follow(jars, HttpRequest.newBuilder(page.uri().resolve(action.group(1).replace("&amp;", "&")))
                            .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                            .POST(HttpRequest.BodyPublishers.ofString(body)));
                }
                Matcher proceed = ACTION_LINK.matcher(page.body());
                if (!proceed.find()) {
                    throw new AssertionError("No password form and no way on at " + page.uri() + " (" + page.statusCode() + "):\n" + page.body());
                }
                page = follow(jars, HttpRequest.newBuilder(page.uri().resolve(proceed.group(1).replace("&amp;", "&"))).header("Accept", "text/html"));
            }
            throw new AssertionError("Keycloak's action pages never showed the password form");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> follow(Map<String, Map<String, String>> jars, HttpRequest.Builder first)
            throws IOException, InterruptedException {
        HttpRequest request = withCookies(jars, first);
        for (int hop = 0; hop < 20; hop++) {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, String> jar = jars.computeIfAbsent(request.uri().getRawAuthority(), any -> new LinkedHashMap<>());
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                String pair = cookie.split(";", 2)[0];
                int equals = pair.indexOf('=');
                String name = pair.substring(0, equals).strip();
                String value = pair.substring(equals + 1).strip();
                if (value.isEmpty() || cookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                    jar.remove(name);
                } else {
                    jar.put(name, value);
                }
            }
            List<String> location = response.headers().allValues("Location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                return response;
            }
            request = withCookies(jars, HttpRequest.newBuilder(request.uri().resolve(location.get(0))).header("Accept", "text/html"));
        }
        throw new AssertionError("More than 20 redirects while signing in");
    }

    private static HttpRequest withCookies(Map<String, Map<String, String>> jars, HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        String cookies = header(jars.getOrDefault(request.uri().getRawAuthority(), Map.of()));
        return cookies.isEmpty() ? request : HttpRequest.newBuilder(request, (name, value) -> true).header("Cookie", cookies).build();
    }

    private static String header(Map<String, String> jar) {
        StringBuilder header = new StringBuilder();
        jar.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
        return header.toString();
    }
}
