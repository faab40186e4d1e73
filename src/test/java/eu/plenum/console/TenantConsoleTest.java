package eu.plenum.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.plenum.testsupport.Mailbox;
import eu.plenum.testsupport.PageSessions;
import eu.plenum.testsupport.PlenumTestServers;
import eu.plenum.testsupport.Tokens;
import eu.plenum.testsupport.Webinars;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console's first slice end to end, with the suite's real Keycloak and GreenMail: an operator creates a
 * tenant in eu-waw on the console page and invites its administrator; Keycloak mails the invitation, the
 * person sets a password on Keycloak's own pages and lands on their tenant's page, invites a host the same
 * way; suspension refuses the host at the next request, at go-live and on the attendees' page, reactivation
 * restores it; every change is in the audit log with who and from where.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class TenantConsoleTest {

    private static final Pattern ACTION_LINK = Pattern.compile("(https?://[^\\s\"<>]+/login-actions/action-token\\?[^\\s\"<>]+)");
    private static final Pattern FROM_NETWORK = Pattern.compile("\"from\": \"(127\\.0\\.0\\.0/24|::/48|0:0:0:0:0:0:0:0/48)\"");
    static final String OFFER = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n"
            + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\na=sendonly\r\na=rtpmap:96 VP8/90000\r\n";

    /** One tenant with its administrator and a host, made through the console on first use and shared by the tests. */
    record Fixture(String tenant, String tenantAdmin, String host, String adminLanding, String hostLanding) {
    }

    private static Fixture fixture;

    @Inject
    AgroalDataSource data;

    static String base() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.accessToken(user)).contentType(ContentType.JSON);
    }

    /** A form post of a console page, with the session cookie and the browser's same-origin marker. */
    static Response form(String cookie, String path, Map<String, String> fields) {
        RequestSpecification request = given().redirects().follow(false).header("Cookie", cookie)
                .header("Sec-Fetch-Site", "same-origin").contentType(ContentType.URLENC);
        fields.forEach(request::formParam);
        return request.post(path);
    }

    static synchronized Fixture fixture() {
        if (fixture == null) {
            String run = Long.toString(System.nanoTime(), 36);
            String tenant = "waw-" + run;
            String operator = PageSessions.signIn(base(), Tokens.ADMIN);
            form(operator, "/console/tenants", Map.of("id", tenant, "name", "Warsaw Academy " + run, "homeRegionCode", "eu-waw"))
                    .then().statusCode(303).header("Location", containsString("/console/tenants/" + tenant));
            String tenantAdmin = "admin." + run + "@waw.example";
            form(operator, "/console/tenants/" + tenant + "/people",
                    Map.of("email", tenantAdmin, "firstName", "Wanda", "lastName", "Admin", "role", "tenant-admin"))
                    .then().statusCode(303);
            String adminLanding = accept(tenantAdmin);
            String adminPage = PageSessions.signIn(base(), tenantAdmin);
            String host = "host." + run + "@waw.example";
            form(adminPage, "/console/tenants/" + tenant + "/people",
                    Map.of("email", host, "firstName", "Henryk", "lastName", "Host", "role", "host"))
                    .then().statusCode(303);
            fixture = new Fixture(tenant, tenantAdmin, host, adminLanding, accept(host));
        }
        return fixture;
    }

    /** The invited person opens Keycloak's mail, sets a password on Keycloak's page, signs in; returns where they landed. */
    static String accept(String email) {
        Mailbox.Received mail = PlenumTestServers.mailbox().await(received -> received.to().equalsIgnoreCase(email), 1).get(0);
        Matcher link = ACTION_LINK.matcher(mail.text() == null || mail.text().isBlank() ? mail.html() : mail.text());
        assertTrue(link.find(), "no Keycloak action link in the invitation:\n" + mail.text());
        HttpResponse<String> done = PageSessions.setPasswordThroughMailLink(link.group(1).replace("&amp;", "&"), Tokens.password(email));
        assertTrue(done.statusCode() < 400, "Keycloak refused the new password: " + done.uri() + " " + done.statusCode());
        PageSessions.Landing landing = PageSessions.landing(base(), email);
        return URI.create(landing.uri().toString()).getPath();
    }

    @Test
    void operatorCreatesTenantInWarsawAndItsPeopleJoinThroughKeycloaksMail() throws Exception {
        Fixture tenant = fixture();
        as(Tokens.ADMIN).get("/api/admin/tenants/" + tenant.tenant()).then().statusCode(200)
                .body("homeRegionCode", equalTo("eu-waw")).body("status", equalTo("ACTIVE"));
        assertEquals("/console/tenants/" + tenant.tenant(), tenant.adminLanding(), "the tenant administrator lands on their tenant's page");
        assertEquals("/host", tenant.hostLanding(), "the host lands on the host dashboard");
        as(tenant.host()).get("/api/me").then().statusCode(200).body("tenant.id", equalTo(tenant.tenant()));
        Response people = as(tenant.tenantAdmin()).get("/api/tenants/" + tenant.tenant() + "/people");
        people.then().statusCode(200).body("username", hasItem(tenant.host())).body("find { it.username == '" + tenant.host() + "' }.roles",
                equalTo(List.of("host"))).body("find { it.username == '" + tenant.host() + "' }.invitationPending", equalTo(false));
        String page = given().header("Cookie", PageSessions.signIn(base(), tenant.tenantAdmin())).get("/console/tenants/" + tenant.tenant())
                .then().statusCode(200).extract().asString();
        assertTrue(page.contains(tenant.host()), "the tenant page lists the host");
        List<Map<String, String>> audit = audit(tenant.tenant());
        // Who (the operator's account id), what, and from where: the channel and the client's network, never its full address.
        assertTrue(audit.stream().anyMatch(entry -> entry.get("action").equals("tenant.created")
                && entry.get("details").contains("\"channel\": \"console\"") && FROM_NETWORK.matcher(entry.get("details")).find()
                && entry.get("actor").equals(subject(Tokens.ADMIN))), audit.toString());
        assertTrue(audit.stream().noneMatch(entry -> entry.get("details").contains("127.0.0.1")), audit.toString());
        // The operator invited the administrator, the administrator invited the host.
        assertTrue(audit.stream().anyMatch(entry -> entry.get("action").equals("people.invited")
                && entry.get("actor").equals(subject(Tokens.ADMIN)) && entry.get("details").contains("\"role\": \"tenant-admin\"")
                && entry.get("target").equals("user:" + subject(tenant.tenantAdmin()))), audit.toString());
        assertTrue(audit.stream().anyMatch(entry -> entry.get("action").equals("people.invited")
                && entry.get("actor").equals(subject(tenant.tenantAdmin())) && entry.get("details").contains("\"role\": \"host\"")
                && entry.get("target").equals("user:" + subject(tenant.host()))), audit.toString());
    }

    @Test
    void suspensionRefusesTheHostAtTheNextRequestAtGoLiveAndOnTheAttendeePageUntilReactivated() throws Exception {
        Fixture tenant = fixture();
        Map<String, Object> sample = Webinars.sample("Suspension check");
        sample.put("registrationMode", "OPEN");
        sample.put("questions", List.of());
        String webinar = Webinars.create(tenant.host(), sample);
        String session = as(tenant.host()).get("/api/webinars/" + webinar).then().statusCode(200).extract().path("sessions[0].id");
        var room = as(tenant.host()).post("/api/webinars/" + webinar + "/sessions/" + session + "/room").then().statusCode(201)
                .extract().jsonPath();
        String hostToken = Tokens.accessToken(tenant.host());
        String hostPage = PageSessions.signIn(base(), tenant.host());
        given().get("/w/" + webinar).then().statusCode(200);

        as(Tokens.ADMIN).body(Map.of("reason", "payment")).put("/api/admin/tenants/" + tenant.tenant() + "/suspension")
                .then().statusCode(200).body("status", equalTo("SUSPENDED")).body("suspensionReason", equalTo("payment"));
        try {
            // The same, still valid token and session cookie: refused at the next request.
            given().auth().oauth2(hostToken).get("/api/webinars").then().statusCode(403)
                    .contentType("application/problem+json").body("type", equalTo("urn:plenum:problem:tenant-suspended"));
            given().header("Cookie", hostPage).header("Accept", "text/html").get("/host").then().statusCode(403)
                    .body(containsString("suspended"));
            // Go-live with the room's stream key, the OBS way.
            given().header("Authorization", "Bearer " + room.getString("streamKey")).contentType("application/sdp")
                    .body(OFFER.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post("/api/rooms/" + room.getString("room.id") + "/whip").then().statusCode(403)
                    .body("type", equalTo("urn:plenum:problem:tenant-suspended"));
            // Attendees: the registration page is a clear refusal, nothing is deleted.
            given().header("Accept", "text/html").get("/w/" + webinar).then().statusCode(403).body(containsString("suspended"));
            as(Tokens.ADMIN).get("/api/admin/tenants/" + tenant.tenant()).then().statusCode(200).body("status", equalTo("SUSPENDED"));
            given().header("Cookie", PageSessions.signIn(base(), Tokens.ADMIN)).get("/console").then().statusCode(200)
                    .body(containsString("tenant-row-" + tenant.tenant()));
        } finally {
            as(Tokens.ADMIN).delete("/api/admin/tenants/" + tenant.tenant() + "/suspension").then().statusCode(200)
                    .body("status", equalTo("ACTIVE"));
        }
        given().auth().oauth2(hostToken).get("/api/webinars/" + webinar).then().statusCode(200);
        given().header("Cookie", hostPage).header("Accept", "text/html").get("/host").then().statusCode(200);
        given().get("/w/" + webinar).then().statusCode(200);
        List<String> actions = audit(tenant.tenant()).stream().map(entry -> entry.get("action")).toList();
        assertTrue(actions.contains("tenant.suspended") && actions.contains("tenant.reactivated"), actions.toString());
    }

    @Test
    void giveTakeAndRemoveWorkInsideTheTenantAndLeaveTheWebinars() throws Exception {
        Fixture tenant = fixture();
        String peoplePath = "/api/tenants/" + tenant.tenant() + "/people";
        String extra = "extra." + Long.toString(System.nanoTime(), 36) + "@waw.example";
        String id = as(tenant.tenantAdmin()).body(Map.of("email", extra, "firstName", "Ewa", "lastName", "Extra"))
                .post(peoplePath).then().statusCode(201).body("roles", equalTo(List.of("host")))
                .body("invitationPending", equalTo(true)).extract().path("id");
        accept(extra);
        String webinar = Webinars.create(extra, Webinars.sample("Stays with the tenant"));
        as(tenant.tenantAdmin()).delete(peoplePath + "/" + id + "/roles/host").then().statusCode(200).body("roles", equalTo(List.of()));
        as(tenant.tenantAdmin()).put(peoplePath + "/" + id + "/roles/host").then().statusCode(200).body("roles", equalTo(List.of("host")));
        as(tenant.tenantAdmin()).delete(peoplePath + "/" + id).then().statusCode(204);
        as(tenant.tenantAdmin()).get(peoplePath).then().statusCode(200).body("id", org.hamcrest.Matchers.not(hasItem(id)));
        assertEquals(1, count("SELECT count(*) FROM webinar WHERE id = CAST(? AS uuid) AND tenant_id = ?", webinar, tenant.tenant()),
                "the removed person's webinar stays with the tenant");
        List<String> actions = audit(tenant.tenant()).stream().filter(entry -> entry.get("target").equals("user:" + id))
                .map(entry -> entry.get("action")).toList();
        assertEquals(List.of("people.invited", "role.revoked", "role.granted", "people.removed"), actions);
    }

    @Test
    void operatorsSetQuotasOnTheConsoleAndTheTenantAdministratorSeesOnlyTheirOwnUsage() throws Exception {
        Fixture tenant = fixture();
        String operator = PageSessions.signIn(base(), Tokens.ADMIN);
        form(operator, "/console/tenants/" + tenant.tenant() + "/quotas", Map.of("live-rooms", "2", "registrations-per-webinar", "50"))
                .then().statusCode(303);
        String adminPage = PageSessions.signIn(base(), tenant.tenantAdmin());
        String page = given().header("Cookie", adminPage).get("/console/tenants/" + tenant.tenant()).then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("data-testid=\"quota-usage-live-rooms\">0/2<"), "the tenant administrator sees usage against the quota");
        assertFalse(page.contains("data-testid=\"quota-form\""), "no quota form for a tenant administrator");
        as(tenant.tenantAdmin()).get("/api/tenant/quotas").then().statusCode(200)
                .body("find { it.quota == 'registrations-per-webinar' }.limit", equalTo(50))
                .body("find { it.quota == 'live-rooms' }.overridden", equalTo(true));
        // Setting quotas is the operators' alone, through the API and the console form alike; another tenant's usage is hidden.
        as(tenant.tenantAdmin()).body(Map.of("liveRooms", 100)).put("/api/admin/tenants/" + tenant.tenant() + "/quotas")
                .then().statusCode(403).contentType("application/problem+json");
        as(tenant.tenantAdmin()).get("/api/admin/tenants/" + tenant.tenant() + "/quotas").then().statusCode(403);
        form(adminPage, "/console/tenants/" + tenant.tenant() + "/quotas", Map.of("live-rooms", "100")).then().statusCode(403);
        String foreign = given().auth().oauth2(Tokens.accessToken(Tokens.HOST)).get("/api/me").then().extract().path("tenant.id");
        as(tenant.tenantAdmin()).get("/api/admin/tenants/" + foreign + "/quotas").then().statusCode(403);
        given().header("Cookie", adminPage).get("/console/tenants/" + foreign).then().statusCode(404);
        as(Tokens.ADMIN).get("/api/admin/tenants/" + tenant.tenant() + "/quotas").then().statusCode(200)
                .body("find { it.quota == 'live-rooms' }.limit", equalTo(2));
        // Bad input is a 400 naming the field; nothing is changed.
        form(operator, "/console/tenants/" + tenant.tenant() + "/quotas", Map.of("live-rooms", "-1")).then().statusCode(400);
        as(Tokens.ADMIN).body(Map.of("liveRooms", -1)).put("/api/admin/tenants/" + tenant.tenant() + "/quotas").then().statusCode(400)
                .contentType("application/problem+json");
        List<Map<String, String>> changes = audit(tenant.tenant()).stream().filter(entry -> entry.get("action").equals("quota.changed")).toList();
        assertEquals(1, changes.size(), changes.toString());
        assertTrue(changes.get(0).get("details").contains("\"live-rooms\": \"2\"") && changes.get(0).get("actor").equals(subject(Tokens.ADMIN))
                && FROM_NETWORK.matcher(changes.get(0).get("details")).find(), changes.toString());
    }

    private List<Map<String, String>> audit(String tenant) throws Exception {
        List<Map<String, String>> entries = new ArrayList<>();
        try (Connection connection = data.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT action, actor, coalesce(target, ''), details::text FROM compliance_audit_entry WHERE tenant_id = ? ORDER BY seq")) {
            query.setString(1, tenant);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(Map.of("action", rows.getString(1), "actor", rows.getString(2), "target", rows.getString(3),
                            "details", rows.getString(4)));
                }
            }
        }
        return entries;
    }

    private long count(String sql, String... parameters) throws Exception {
        try (Connection connection = data.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static String subject(String user) {
        String payload = Tokens.accessToken(user).split("\\.")[1];
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(java.util.Base64.getUrlDecoder().decode(payload))
                    .get("sub").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void assertNoSuchUser(String email) {
        String admin = PlenumTestServers.keycloak().adminAccessToken();
        List<Object> found = given().auth().oauth2(admin).queryParam("email", email).queryParam("exact", true)
                .get(PlenumTestServers.keycloak().url() + "/admin/realms/plenum/users").then().statusCode(200).extract().jsonPath().getList("$");
        assertFalse(found != null && !found.isEmpty(), "Keycloak has an account for " + email);
    }
}
