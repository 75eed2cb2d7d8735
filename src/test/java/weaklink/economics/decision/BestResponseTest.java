package weaklink.economics.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import weaklink.economics.decision.BestResponse.Choice;
import weaklink.economics.decision.FirmTerms.Standard;
import weaklink.economics.decision.GordonLoeb.BreachClass;
import weaklink.economics.decision.GordonLoeb.BreachFunction;

/**
 * A firm's decision against closed forms: with a loss linear in its vulnerability
 * ({@code EL(s) = L·s}, one data-theft actor: no outage, so no posture effect on the loss), the
 * Gordon–Loeb optimum at the price {@code 1 − share}, corners set by a budget, and the discrete
 * choice of meeting a standard, each threshold computed here by hand.
 */
class BestResponseTest {
    static final BreachFunction CLASS_I = new BreachFunction(BreachClass.CLASS_I, 0.6, 1e-6, 1);
    static final BreachFunction CLASS_II = new BreachFunction(BreachClass.CLASS_II, 0.6, 1e-6, 1);
    static final double UNLIMITED = Double.POSITIVE_INFINITY;

    /** A firm attacked {@code attemptsPerYear} times a year, each success costing it {@code lossYen} (data theft: no outage). */
    static FirmRisk linear(double v, double attemptsPerYear, double lossYen) {
        return new FirmRisk(v, new double[] {attemptsPerYear}, new double[] {1}, new boolean[] {false}, new int[0], new double[0], new double[0],
                new RiskModel.LateralCurve[0], lossYen, 0, 0, new double[FirmRisk.BI_SCALES]);
    }

    /** Class I optimum of {@code price·z + L·S(z)}: {@code ((αβvL/price)^(1/(β+1)) − 1)/α}, at least 0 (Gordon & Loeb 2002). */
    static double classI(BreachFunction f, double loss, double price) {
        return Math.max(0, (Math.pow(f.alpha() * f.beta() * f.v() * loss / price, 1 / (f.beta() + 1)) - 1) / f.alpha());
    }

    /** Class II optimum of {@code price·z + L·v^(αz+1)}: {@code ln(−price/(αvL ln v)) / (α ln v)}, at least 0. */
    static double classII(BreachFunction f, double loss, double price) {
        double lnV = Math.log(f.v());
        return Math.max(0, Math.log(-price / (f.alpha() * f.v() * loss * lnV)) / (f.alpha() * lnV));
    }

    @Test
    void atASubsidisedPriceTheFirmInvestsTheGordonLoebOptimumForThatPrice() {
        double loss = 4e6; // L = 0.1 attempts a year × ¥40M a breach
        FirmRisk risk = linear(0.6, 0.1, 4e7);
        for (double share : new double[] {0, 0.25, 0.5, 0.75, 0.9}) {
            FirmTerms terms = new FirmTerms(UNLIMITED).share(share, 1e12, null, false, 0);
            double zI = BestResponse.decide(CLASS_I, risk, terms).investmentYen();
            double zII = BestResponse.decide(CLASS_II, risk, terms).investmentYen();
            assertEquals(classI(CLASS_I, loss, 1 - share), zI, 1e-6 * classI(CLASS_I, loss, 1 - share), "class I, share " + share);
            assertEquals(classII(CLASS_II, loss, 1 - share), zII, 1e-6 * classII(CLASS_II, loss, 1 - share), "class II, share " + share);
            assertTrue(zI > 0 && zII > 0);
        }
    }

    @Test
    void othersPayTheirShareOnlyUpToTheCostTheyCover() {
        FirmRisk risk = linear(0.6, 0.1, 4e7);
        double atHalfPrice = classI(CLASS_I, 4e6, 0.5), atFullPrice = classI(CLASS_I, 4e6, 1);
        // the share stops below the full-price optimum: beyond it the firm pays the full price, so it invests its full-price optimum
        double upTo = 0.5 * atFullPrice;
        Choice c = BestResponse.decide(CLASS_I, risk, new FirmTerms(UNLIMITED).share(0.5, upTo, null, false, 0));
        assertEquals(atFullPrice, c.investmentYen(), 1e-6 * atFullPrice);
        assertEquals(0.5 * upTo, c.paidByOthersYen(), 1e-6 * upTo);
        // the share stops between the two optima: the firm stops where the price rises (a kink)
        double between = (atFullPrice + atHalfPrice) / 2;
        c = BestResponse.decide(CLASS_I, risk, new FirmTerms(UNLIMITED).share(0.5, between, null, false, 0));
        assertEquals(between, c.investmentYen(), 1e-6 * between);
    }

    @Test
    void withNothingToProtectTheFirmBuysNoSecurityAtAnyPrice() {
        FirmRisk quiet = linear(0.6, 0, 4e7);
        Choice c = BestResponse.decide(CLASS_I, quiet, new FirmTerms(UNLIMITED).share(0.99, 1e9, null, false, 0));
        assertEquals(0, c.investmentYen());
        assertEquals(0, c.paidByOthersYen());
    }

    @Test
    void aFirmWhoseBudgetBindsSpendsAllOfItAndIsBudgetBound() {
        FirmRisk risk = linear(0.6, 0.1, 4e7);
        double wanted = classI(CLASS_I, 4e6, 1), budget = wanted / 4;
        Choice alone = BestResponse.decide(CLASS_I, risk, new FirmTerms(budget));
        assertEquals(budget, alone.investmentYen(), 1e-9 * budget);
        assertTrue(alone.budgetBound());
        // a share others pay stretches the same budget: own outlay (1 − share)·z = budget
        Choice shared = BestResponse.decide(CLASS_I, risk, new FirmTerms(budget).share(0.5, 1e12, null, false, 0));
        assertEquals(2 * budget, shared.investmentYen(), 1e-9 * budget);
        assertTrue(shared.budgetBound());
        // a budget above the optimum does not bind
        Choice rich = BestResponse.decide(CLASS_I, risk, new FirmTerms(2 * wanted));
        assertEquals(wanted, rich.investmentYen(), 1e-6 * wanted);
        assertFalse(rich.budgetBound());
    }

    @Test
    void anIncomeRelaxesTheBudgetButLeavesThePriceOfSecurity() {
        FirmRisk risk = linear(0.6, 0.1, 4e7);
        double wanted = classI(CLASS_I, 4e6, 1), budget = wanted / 4;
        Choice c = BestResponse.decide(CLASS_I, risk, new FirmTerms(budget).income(wanted));
        assertEquals(wanted, c.investmentYen(), 1e-6 * wanted); // no more than its full-price optimum
        assertFalse(c.budgetBound());
        assertEquals(0, c.paidByOthersYen());
    }

    /**
     * Meeting standard σ (certification {@code c}) against keeping stake {@code K} at risk, with the
     * firm's own optimum {@code z0} below the cost {@code T} of reaching σ: it meets σ iff
     * {@code T + c + L·σ < z0 + L·S(z0) + K}.
     */
    @Test
    void aRequirementIsMetWhenTheBusinessAtStakeJustExceedsTheCostOfMeetingItAndNotWhenJustBelow() {
        double loss = 4e6;
        FirmRisk risk = linear(0.6, 0.1, 4e7);
        Standard star = new Standard("star", 0.15, 5e5);
        double z0 = classI(CLASS_I, loss, 1), reach = CLASS_I.investmentToReach(0.15);
        assertTrue(z0 < reach);
        double threshold = reach + star.certificationYen() + loss * 0.15 - (z0 + loss * CLASS_I.vulnerability(z0));
        Choice worth = BestResponse.decide(CLASS_I, risk, new FirmTerms(UNLIMITED).require(star, threshold * (1 + 1e-6), 0));
        assertEquals(star, worth.certified());
        assertEquals(reach, worth.investmentYen(), 1e-9 * reach);
        assertEquals(star.certificationYen(), worth.certificationYen());
        assertEquals(0, worth.stakeLostYen());
        Choice not = BestResponse.decide(CLASS_I, risk, new FirmTerms(UNLIMITED).require(star, threshold * (1 - 1e-6), 0));
        assertNull(not.certified());
        assertEquals(z0, not.investmentYen(), 1e-6 * z0);
        assertEquals(threshold * (1 - 1e-6), not.stakeLostYen(), 1e-9 * threshold);
    }

    @Test
    void aFirmThatCannotAffordTheStandardKeepsTheRiskOfLosingTheBusinessAndIsBudgetBound() {
        FirmRisk risk = linear(0.6, 0.1, 4e7);
        Standard star = new Standard("star", 0.15, 5e5);
        Choice c = BestResponse.decide(CLASS_I, risk, new FirmTerms(1e5).require(star, 1e9, 0));
        assertNull(c.certified());
        assertEquals(1e9, c.stakeLostYen());
        assertTrue(c.budgetBound());
    }

    /** A grant of σ of the cost of reaching and certifying the standard, paid only if it is met: a jump when {@code (1 − σ)(T + c) + L·σ_std < z0 + L·S(z0)}. */
    @Test
    void aGrantConditionalOnTheStandardIsTakenExactlyWhenItMakesTheStandardCheaperThanTheFirmsOwnChoice() {
        double loss = 4e6;
        FirmRisk risk = linear(0.6, 0.1, 4e7);
        double reach = CLASS_I.investmentToReach(0.15), z0 = classI(CLASS_I, loss, 1);
        double own = z0 + loss * CLASS_I.vulnerability(z0);
        // certification cost c making the grant at σ = 0.8 just worth it: 0.2 (T + c) + 0.15 L = own
        double c = (own - 0.15 * loss) / 0.2 - reach;
        for (double factor : new double[] {0.999, 1.001}) {
            Standard star = new Standard("star", 0.15, c * factor);
            Choice choice = BestResponse.decide(CLASS_I, risk, new FirmTerms(UNLIMITED).share(0.8, reach, star, true, 0));
            if (factor < 1) {
                assertEquals(star, choice.certified());
                assertEquals(0.8 * (reach + c * factor), choice.paidByOthersYen(), 1e-6 * reach);
            } else {
                assertNull(choice.certified());
                assertEquals(z0, choice.investmentYen(), 1e-6 * z0);
                assertEquals(0, choice.paidByOthersYen());
            }
        }
    }

    @Test
    void aLegalDutyIsMetBeyondTheBudget() {
        FirmRisk quiet = linear(0.6, 0, 4e7);
        Standard star = new Standard("star", 0.3, 1e5);
        Choice c = BestResponse.decide(CLASS_I, quiet, new FirmTerms(0).duty(star));
        assertEquals(star, c.certified());
        assertEquals(CLASS_I.investmentToReach(0.3), c.investmentYen(), 1e-9);
        assertEquals(1e5, c.certificationYen());
    }

    @Test
    void aDutyNoInvestmentCanMeetLeavesTheFirmAsItIs() {
        BreachFunction hopeless = new BreachFunction(BreachClass.CLASS_II, 1.0, 1e-6, 1);
        Choice c = BestResponse.decide(hopeless, linear(1.0, 0.1, 4e7), new FirmTerms(0).duty(new Standard("star", 0.3, 1e5)));
        assertEquals(0, c.investmentYen());
        assertNull(c.certified());
    }

    /** With lateral movement and an outage whose recovery shortens with posture, the cost is not linear in S; the search still finds its minimum. */
    @Test
    void theSearchFindsTheMinimumOfANonLinearCostAsAFineGridDoes() {
        RiskModel.LateralCurve curve = new RiskModel.LateralCurve(0.05, 1, new double[] {5, 10, 20, 40}, 1);
        double[] bi = new double[FirmRisk.BI_SCALES];
        for (int g = 0; g < bi.length; g++) bi[g] = 3e7 * FirmRisk.biScale(g);
        FirmRisk risk = new FirmRisk(0.7, new double[] {0.2, 0.05}, new double[] {1, 1.5}, new boolean[] {true, false}, new int[] {0},
                new double[] {0.8}, new double[] {0.1}, new RiskModel.LateralCurve[] {curve}, 2e6, 5e5, 1e6, bi);
        BreachFunction f = new BreachFunction(BreachClass.CLASS_I, 0.7, 1e-5, 1.5);
        FirmTerms terms = new FirmTerms(UNLIMITED).share(0.3, 2e5, null, false, 0);
        Choice c = BestResponse.decide(f, risk, terms);
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k <= 200_000; k++) {
            double z = k * 5.0; // ¥0 … ¥1M in steps of ¥5
            best = Math.min(best, cost(f, risk, z));
        }
        assertTrue(cost(f, risk, c.investmentYen()) <= best + 1e-6 * best, c.investmentYen() + ": " + cost(f, risk, c.investmentYen()) + " > " + best);
        assertTrue(c.investmentYen() > 0);
    }

    /**
     * The search takes the cost at its lower end from a caller that computed it and the cost at its result from its own last
     * step: the same investment, bit for bit, as computing both again (the search as it read before), with one evaluation
     * fewer, or two given the lower end's — at interior optima and at both corners.
     */
    @Test
    void theSearchReusesTheCostsItKnowsAndChoosesBitForBitAsComputingThemAgain() {
        RiskModel.LateralCurve curve = new RiskModel.LateralCurve(0.05, 1, new double[] {5, 10, 20, 40}, 1);
        double[] bi = new double[FirmRisk.BI_SCALES];
        for (int g = 0; g < bi.length; g++) bi[g] = 3e7 * FirmRisk.biScale(g);
        FirmRisk risk = new FirmRisk(0.7, new double[] {0.2, 0.05}, new double[] {1, 1.5}, new boolean[] {true, false}, new int[] {0},
                new double[] {0.8}, new double[] {0.1}, new RiskModel.LateralCurve[] {curve}, 2e6, 5e5, 1e6, bi);
        int searched = 0, atLo = 0, atHi = 0, inside = 0;
        for (BreachFunction f : new BreachFunction[] {new BreachFunction(BreachClass.CLASS_I, 0.7, 1e-5, 1.5), CLASS_I, CLASS_II,
                new BreachFunction(BreachClass.CLASS_II, 0.3, 1e-4, 1)}) {
            for (double price : new double[] {0.01, 0.3, 1, 30}) {
                for (double lo : new double[] {0, 2e3}) {
                    for (double hi : new double[] {0, 1e3, 5e4, 1e6, 1e9, 1e15}) {
                        java.util.function.DoubleUnaryOperator cost = z -> price * z + risk.expectedLossYen(f.vulnerability(z));
                        int[] calls = new int[3];
                        double before = straightforward(f, z -> { calls[0]++; return cost.applyAsDouble(z); }, lo, hi);
                        double plain = BestResponse.minimise(f, z -> { calls[1]++; return cost.applyAsDouble(z); }, lo, hi);
                        double given = BestResponse.minimise(f, z -> { calls[2]++; return cost.applyAsDouble(z); }, lo, hi, cost.applyAsDouble(lo));
                        String at = f + ", price " + price + ", [" + lo + ", " + hi + "]";
                        assertEquals(Double.doubleToRawLongBits(before), Double.doubleToRawLongBits(plain), at);
                        assertEquals(Double.doubleToRawLongBits(before), Double.doubleToRawLongBits(given), at);
                        if (calls[0] == 0) continue; // no search: the lower end at once
                        searched++;
                        assertEquals(calls[0] - 1, calls[1], at);
                        assertEquals(calls[0] - 2, calls[2], at);
                        if (before == lo) atLo++; else if (before == hi) atHi++; else inside++;
                    }
                }
            }
        }
        assertTrue(searched > 50 && atLo > 0 && atHi > 0 && inside > 0, searched + " searches: " + atLo + " at the lower end, " + atHi
                + " at the upper, " + inside + " inside");
    }

    /** The search as it read before it reused costs: the cost at the lower end, at the search's result and at the upper end, each computed. */
    private static double straightforward(BreachFunction breach, java.util.function.DoubleUnaryOperator g, double lo, double hi) {
        if (!(hi > lo)) return lo;
        double sLo = breach.vulnerability(lo), sHi = breach.vulnerability(hi);
        if (!(sLo > sHi)) return lo;
        java.util.function.DoubleUnaryOperator zOf = u -> breach.investmentToReach(Math.exp(u));
        double a = Math.log(Math.max(sHi, Double.MIN_NORMAL)), b = Math.log(sLo);
        double x = BestResponse.brent(u -> g.applyAsDouble(Math.min(Math.max(zOf.applyAsDouble(u), lo), hi)), a, b).x();
        double z = Math.min(Math.max(zOf.applyAsDouble(x), lo), hi);
        double best = lo, fBest = g.applyAsDouble(lo);
        for (double c : new double[] {z, hi}) {
            double f = g.applyAsDouble(c);
            if (f < fBest) {
                best = c;
                fBest = f;
            }
        }
        return best;
    }

    private static double cost(BreachFunction f, FirmRisk risk, double z) {
        return z - 0.3 * Math.min(z, 2e5) + risk.expectedLossYen(f.vulnerability(z));
    }

    @Test
    void termsNamingNoStandardOfferNoStandardAloneAndAConditionalGrantOrADutyOffersItsStandard() {
        Standard std = new Standard("std", 0.2, 1000);
        assertEquals(Arrays.asList((Standard) null), BestResponse.options(new FirmTerms(5000)));
        assertEquals(Arrays.asList((Standard) null), BestResponse.options(new FirmTerms(5000).share(0.5, 1e6, null, false, -1)));
        assertEquals(Arrays.asList(null, std), BestResponse.options(new FirmTerms(5000).share(0.5, 1e6, std, false, -1)));
        assertEquals(Arrays.asList(null, std), BestResponse.options(new FirmTerms(5000).duty(std)));
        assertEquals(Arrays.asList(null, std), BestResponse.options(new FirmTerms(5000).require(std, 10, 3)));
    }

    @Test
    void eachTermsKeepTheirOwnSharesAndRequirements() {
        Standard std = new Standard("std", 0.2, 1000);
        FirmTerms plain = new FirmTerms(5000), helped = new FirmTerms(5000).share(0.5, 1e6, null, false, -1).require(std, 10, 3);
        assertTrue(plain.shares().isEmpty());
        assertTrue(plain.requirements().isEmpty());
        assertEquals(1, helped.shares().size());
        assertEquals(1, helped.requirements().size());
        assertTrue(plain.sameAs(new FirmTerms(5000).share(0, 1e6, null, false, -1)), "a share of nothing is not added");
        assertFalse(plain.sameAs(helped));
        assertTrue(helped.sameAs(new FirmTerms(5000).share(0.5, 1e6, null, false, -1).require(std, 10, 3)));
    }
}
