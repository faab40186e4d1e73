package eu.plenum.testsupport;

import static io.restassured.RestAssured.given;

/**
 * Real access tokens from the suite's Keycloak, for the sample users of the bundled realm, through
 * the realm's password-grant test client (the web client does not allow the password grant).
 */
public final class Tokens {

    public static final String ADMIN = "admin";
    public static final String HOST = "host";
    public static final String HOST_OF_GLOBEX = "host2";
    /** Has the host role but no tenant attribute. */
    public static final String HOST_WITHOUT_TENANT = "drifter";

    private Tokens() {
    }

    /** A fresh token on every call: the realm's tokens live five minutes, longer than some test runs. */
    public static String accessToken(String username) {
        return fetch(username);
    }

    public static String password(String username) {
        return "plenum-" + username;
    }

    private static String fetch(String username) {
        return given()
                .baseUri(PlenumTestServers.keycloak().realmUrl())
                .formParam("grant_type", "password")
                .formParam("client_id", KeycloakServer.TEST_CLIENT)
                .formParam("client_secret", PlenumTestServers.keycloak().testClientSecret())
                .formParam("username", username)
                .formParam("password", password(username))
                .formParam("scope", "openid")
                .when().post("/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
