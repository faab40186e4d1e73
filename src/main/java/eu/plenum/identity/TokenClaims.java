package eu.plenum.identity;

import jakarta.json.JsonString;
import java.security.Principal;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reads string claims of the signed-in principal, whichever JSON wrapper the token library hands out. */
public final class TokenClaims {

    private TokenClaims() {
    }

    public static Optional<String> string(Principal principal, String claim) {
        if (!(principal instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        Object value = token.getClaim(claim);
        if (value instanceof JsonString json) {
            value = json.getString();
        }
        return Optional.ofNullable(value).map(Object::toString).filter(text -> !text.isBlank());
    }
}
