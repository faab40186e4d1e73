package eu.plenum.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The language switch only ever redirects within Plenum. */
class PublicPagesTest {

    @Test
    void keepsPathAndQueryOfSameSiteReferer() {
        assertEquals("/host?tab=past", PublicPages.sameSitePath("http://localhost:8080/host?tab=past"));
    }

    @Test
    void dropsForeignHostAndProtocolRelativeTricks() {
        assertEquals("/phish", PublicPages.sameSitePath("https://evil.example/phish"));
        assertEquals("/", PublicPages.sameSitePath("//evil.example"));
        assertEquals("/", PublicPages.sameSitePath("javascript:alert(1)"));
        assertEquals("/", PublicPages.sameSitePath(null));
        assertEquals("/", PublicPages.sameSitePath("http://[bad"));
    }
}
