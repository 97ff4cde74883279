package org.ketasim.core.pd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;

/**
 * The accumulator takes the largest scores from the largest concentrations (the powers once, at
 * the end): the same bits as the largest of the per-row scores, whatever the concentrations
 * (zeros, tiny negatives from rounding, NaN rows of a model without the site, values near each
 * other where rounding could reorder a non-monotone form).
 */
class PdAccumulatorPropertiesTest {

    @Property(tries = 400)
    void largestScoresAreThoseOfTheRows(@ForAll("rows") List<Double> ce,
                                        @ForAll("rows") List<Double> cePain,
                                        @ForAll("fractions") double sKetamineFraction,
                                        @ForAll @DoubleRange(min = 0, max = 10) double baselineNrs) {
        int n = Math.min(ce.size(), cePain.size());
        PdCurves.Accumulator acc = new PdCurves.Accumulator(sKetamineFraction, baselineNrs, 0);
        double maxHigh = Double.NaN;
        double maxNrs = Double.NaN;
        for (int i = 0; i < n; i++) {
            acc.add(new double[] {ce.get(i)}, new double[] {cePain.get(i)}, 1);
            double h = PdCurves.drugHighScore(sKetamineFraction * ce.get(i));
            double r = PdCurves.responderNrsReduction(sKetamineFraction * cePain.get(i), baselineNrs);
            maxHigh = Double.isNaN(h) ? maxHigh : Double.isNaN(maxHigh) ? h : Math.max(maxHigh, h);
            maxNrs = Double.isNaN(r) ? maxNrs : Double.isNaN(maxNrs) ? r : Math.max(maxNrs, r);
        }
        PdCurves curves = acc.curves();
        assertEquals(maxHigh, curves.maxDrugHighScore(), 0, "largest drug-high score");
        assertEquals(maxNrs, curves.maxResponderNrsReduction(), 0, "largest responder NRS reduction");
    }

    @Provide
    Arbitrary<List<Double>> rows() {
        Arbitrary<Double> base = Arbitraries.doubles().between(-6, 4).ofScale(9).map(e -> Math.pow(10, e));
        return Arbitraries.frequencyOf(
                Tuple.of(6, base),
                Tuple.of(2, base.map(v -> Math.nextUp(Math.nextUp(v)))),
                Tuple.of(1, Arbitraries.of(0.0, -0.0, -1e-18, Double.NaN, 10.5, 71.32))).list().ofMinSize(1).ofMaxSize(60);
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.of(0.5, 1.0);
    }
}
