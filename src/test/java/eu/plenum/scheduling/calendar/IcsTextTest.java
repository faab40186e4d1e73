package eu.plenum.scheduling.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** RFC 5545 escaping, folding and yearly rules. */
class IcsTextTest {

    @Test
    void escapesTextValues() {
        assertEquals("a\\;b\\,c\\\\d\\ne", IcsText.escape("a;b,c\\d\ne"));
    }

    @Test
    void foldsLongLinesAtSeventyFiveOctetsWithoutSplittingCharacters() {
        StringBuilder out = new StringBuilder();
        IcsText.line(out, "SUMMARY:" + "Ü".repeat(100));
        for (String physical : out.toString().split("\r\n")) {
            assertTrue(physical.getBytes(StandardCharsets.UTF_8).length <= 75, physical);
        }
        assertEquals("SUMMARY:" + "Ü".repeat(100), out.toString().replace("\r\n ", "").strip());
    }

    @Test
    void yearlyRulesOfBerlinAndNewYork() {
        assertEquals("FREQ=YEARLY;BYMONTH=10;BYDAY=SU;BYMONTHDAY=25,26,27,28,29,30,31",
                VTimezone.rrule(ZoneId.of("Europe/Berlin").getRules().getTransitionRules().get(1)));
        assertEquals("FREQ=YEARLY;BYMONTH=3;BYDAY=SU;BYMONTHDAY=8,9,10,11,12,13,14",
                VTimezone.rrule(ZoneId.of("America/New_York").getRules().getTransitionRules().get(0)));
    }
}
