package org.ketasim.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Text cells a spreadsheet would run as formulas are neutralised; numbers are not; column names are unique. */
class CsvTest {

    @Test
    void aTextCellThatAFormulaWouldStartWithGetsALeadingQuote() {
        assertEquals("'=1+1", Csv.text("=1+1"));
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", Csv.text("=HYPERLINK(\"http://x\",\"y\")"));
        assertEquals("'@SUM(A1)", Csv.text("@SUM(A1)"));
        assertEquals("'+cmd|' /C calc'!A0", Csv.text("+cmd|' /C calc'!A0"));
        assertEquals("'-2+3", Csv.text("-2+3"));
        assertEquals("'\tx", Csv.text("\tx"));
        assertEquals("\"'\r=1\"", Csv.text("\r=1"));
        assertEquals("'-5 mg/h", Csv.text("-5 mg/h"));
    }

    @Test
    void plainTextAndNumbersAreUntouched() {
        assertEquals("fanta-otto", Csv.text("fanta-otto"));
        assertEquals("", Csv.text(""));
        assertEquals("-5", Csv.text("-5"));
        assertEquals("+1.5e-3", Csv.text("+1.5e-3"));
        assertEquals("-.5", Csv.text("-.5"));
        assertEquals("-1.0E-4", Csv.number(-1e-4));
        assertEquals("\"a, b\"", Csv.text("a, b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.text("say \"hi\""));
    }

    @Test
    void repeatedColumnNamesGetAFreeSuffix() {
        assertEquals(List.of("a", "a_3", "a_2", "b"), Csv.uniqueNames(List.of("a", "a", "a_2", "b")));
        assertEquals(List.of("a_2", "a", "a_3"), Csv.uniqueNames(List.of("a_2", "a", "a")));
        assertEquals("hours_in_x,hours_in_x_2,'=x\n", Csv.header(List.of("hours_in_x", "hours_in_x", "=x")));
    }
}
