package org.ketasim.core.nonmem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ketasim.core.testing.Close.assertClose;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.ketasim.core.model.PkModel;

/** Reading data sets: individuals as contiguous ID blocks, byte-order marks, WT, mapped columns. */
class NonmemDataSetTest {

    private static final double V = 20;
    private static final double CL = 1.1;

    private static NonmemDataSet read(String csv, Map<String, String> mapping) throws IOException {
        return NonmemDataSet.read("t.csv", new StringReader(csv), mapping);
    }

    @Test
    void anIdThatComesBackIsANewIndividualSimulatedFromZeroAndKeptInFileOrder() throws IOException {
        NonmemDataSet data = read("ID,TIME,EVID,AMT\n1,0,1,100\n1,2,0,0\n2,0,1,50\n2,1,0,0\n1,1,0,0\n1,3,1,10\n",
                Map.of());
        List<NonmemDataSet.Individual> individuals = data.individuals();
        assertEquals(List.of("1", "2", "1"), individuals.stream().map(NonmemDataSet.Individual::id).toList());
        assertEquals(List.of(2, 2, 2), individuals.stream().map(i -> i.records().size()).toList());
        assertEquals(List.of(6L, 7L), individuals.get(2).records().stream().map(NonmemRecord::row).toList(),
                "the third block holds rows 6 and 7, and its time may start before the first block's end");
        var simulator = new NonmemSimulator(new RecordModels(PkModel.of("1cmt", V, CL), 70, Map.of(), Map.of(), "t.csv"));
        var third = simulator.simulate(individuals.get(2).records());
        assertEquals(0, third.get(0).cp(), "the first block's 100 mg dose does not carry into the third block");
        assertClose(1000 * 10 / V, third.get(1).cp(), 1e-14, 0, "only the third block's own dose");
    }

    @Test
    void timeMustNotDecreaseWithinAnIndividual() {
        var e = assertThrows(NonmemDataException.class, () -> read("ID,TIME\n1,0\n2,5\n2,4\n", Map.of()));
        assertTrue(e.getMessage().contains("t.csv: row 4: column TIME: time 4.0 is before the previous record's 5.0 "
                + "within ID 2"), e.getMessage());
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped() throws IOException {
        byte[] bytes = "\uFEFFID,TIME,AMT\n1,0,100\n".getBytes(StandardCharsets.UTF_8);
        NonmemDataSet data = NonmemDataSet.read("bom.csv",
                new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8), Map.of());
        assertEquals(List.of("ID", "TIME", "AMT"), data.header());
        assertEquals(100, data.individuals().get(0).records().get(0).amt());
    }

    @Test
    void textThatIsNotUtf8IsRefusedNamingTheFile() {
        byte[] bytes = {'I', 'D', ',', 'T', 'I', 'M', 'E', '\n', '1', ',', (byte) 0xff, '\n'};
        var e = assertThrows(NonmemDataException.class, () -> NonmemDataSet.read("latin.csv",
                new InputStreamReader(new ByteArrayInputStream(bytes),
                        StandardCharsets.UTF_8.newDecoder()), Map.of()));
        assertTrue(e.getMessage().startsWith("latin.csv: not UTF-8 text"), e.getMessage());
    }

    @Test
    void weightIsReadPerRecordAndAnEmptyCellIsNoWeight() throws IOException {
        var records = read("ID,TIME,WT\n1,0,62.5\n1,1,.\n1,2,\n1,3,80\n", Map.of()).individuals().get(0).records();
        assertEquals(List.of(OptionalDouble.of(62.5), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.of(80)), records.stream().map(NonmemRecord::weightKg).toList());
        var e = assertThrows(NonmemDataException.class, () -> read("ID,TIME,WT\n1,0,-3\n", Map.of()));
        assertTrue(e.getMessage().contains("row 2: column WT: weight '-3' is not a positive number of kg"),
                e.getMessage());
    }

    @Test
    void mappedParametersAreReadByTheirCanonicalNames() throws IOException {
        var r = read("ID,TIME,CLI,KAD,bio\n1,0,1.3,0.9,0.5\n", Map.of("cl", "CLI", "ka1", "kad", "F1", "BIO"))
                .individuals().get(0).records().get(0);
        assertEquals(Map.of("CL", 1.3, "KA1", 0.9, "F1", 0.5), r.mapped());
        for (String bad : List.of("X2", "F0", "KA", "V4", "F100")) {
            var e = assertThrows(NonmemDataException.class,
                    () -> read("ID,TIME,C1\n1,0,1\n", Map.of(bad, "C1")), bad);
            assertTrue(e.getMessage().contains("cannot map '" + bad + "'"), e.getMessage());
        }
    }
}
