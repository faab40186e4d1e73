package eu.plenum.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** synchronous_standby_names read as PostgreSQL reads it, and matched against declared targets. */
class SynchronousStandbyNamesTest {

    @Test
    void theThreeFormsAndQuotedNames() {
        assertEquals(new SynchronousStandbyNames(1, List.of("siteb")), SynchronousStandbyNames.parse("FIRST 1 (siteb)"));
        assertEquals(new SynchronousStandbyNames(2, List.of("a", "b", "c")), SynchronousStandbyNames.parse("ANY 2 (a, b,c)"));
        assertEquals(new SynchronousStandbyNames(1, List.of("a", "b")), SynchronousStandbyNames.parse("1 (a, b)"));
        assertEquals(new SynchronousStandbyNames(1, List.of("a", "b")), SynchronousStandbyNames.parse("a, b"));
        assertEquals(new SynchronousStandbyNames(1, List.of("site, \"b\"")), SynchronousStandbyNames.parse("\"site, \"\"b\"\"\""));
        assertEquals(List.of("*"), SynchronousStandbyNames.parse("*").names());
        assertFalse(SynchronousStandbyNames.parse("").expectsStandby());
        assertFalse(SynchronousStandbyNames.parse("  ").expectsStandby());
        assertTrue(SynchronousStandbyNames.parse("siteb").expectsStandby());
    }

    @Test
    void aDeclaredTargetAdmitsTheNamesItCouldMatch() {
        assertTrue(StandbyIdentity.parse("siteb@10.0.0.0/8").admitsName("SiteB"), "names compare case-insensitively");
        assertTrue(StandbyIdentity.parse("plenum-db-*").admitsName("plenum-db-2"));
        assertTrue(StandbyIdentity.parse("siteb").admitsName("*"));
        assertFalse(StandbyIdentity.parse("siteb").admitsName("sitec"));
    }
}
