package weaklink.economics.policy;

import java.util.BitSet;
import java.util.List;
import weaklink.economics.decision.BestResponse;
import weaklink.economics.decision.BestResponse.Choice;
import weaklink.economics.decision.FirmTerms;
import weaklink.economics.decision.FirmTerms.Share;
import weaklink.economics.decision.FirmTerms.Standard;
import weaklink.economics.decision.PostureRule;
import weaklink.economics.decision.RiskModel;
import weaklink.model.Posture;
import weaklink.network.SupplyNetwork;

/**
 * What firms decide under a policy, before the year starts, and who pays for it: each firm's
 * security investment {@code z} and certification, the resulting posture, the payers, and what
 * the policy costs beyond security spending (administration, the excess burden of public money).
 * Arrays are indexed by firm; money in the scenario's currency per year. For every firm
 * {@code investment + certification = paidBySelf + paidByBuyers + paidByGovernment + paidByPool}.
 */
public final class SecurityFunding {
    /** Who pays for a firm's security besides the firm itself. */
    public enum Payer { BUYERS, GOVERNMENT, POOL }

    /** {@link Share#tag()} of the government's and the pool's shares; a buyer's share carries the buyer's firm index. */
    static final int GOVERNMENT = -1, POOL = -2, PENALTY = -3;

    private final double[] investmentYen, certificationYen, paidBySelf, paidByBuyers, paidByGovernment, paidByPool,
            paidForSuppliers, premiumYen, baselineInvestmentYen, lostBusinessYen, penaltyYen, expectedLossYen;
    private final BitSet addressed, meetsStandard, budgetBound;
    private final Posture posture;
    private final double administrationYen, publicFundsYen, marginalCostOfPublicFunds;
    private Equilibrium.Convergence convergence = Equilibrium.Convergence.INDEPENDENT;
    /** The decisions made, for the policy's next best-response round; dropped once the funding is final ({@link #converged}). */
    private Decisions decisions;
    /** A targeted budget's round: what its allocation started from, for the next round; dropped once the funding is final. */
    private TargetedPolicy.FirstGains firstGains;

    private SecurityFunding(Builder b, Posture posture) {
        investmentYen = b.z;
        certificationYen = b.cert;
        paidBySelf = b.self;
        paidByBuyers = b.byBuyers;
        paidByGovernment = b.byGovernment;
        paidByPool = b.byPool;
        paidForSuppliers = b.forSuppliers;
        premiumYen = b.premium;
        baselineInvestmentYen = b.baseline;
        lostBusinessYen = b.lostBusiness;
        penaltyYen = b.penalty;
        expectedLossYen = b.loss;
        addressed = b.addressed;
        meetsStandard = b.meets;
        budgetBound = b.bound;
        this.posture = posture;
        administrationYen = b.administration;
        publicFundsYen = b.publicFunds;
        marginalCostOfPublicFunds = b.ctx.scenario().economics().marginalCostOfPublicFunds();
        decisions = b.decisions;
        firstGains = b.firstGains;
    }

    /** {@code z} per firm: what is spent on its security, whoever pays (certification not included). */
    public double[] investmentYen() { return investmentYen; }
    /** Annual certification cost per firm (0 for firms that certify no standard). */
    public double[] certificationYen() { return certificationYen; }
    /** Part of the firm's investment and certification it pays itself. */
    public double[] paidBySelf() { return paidBySelf; }
    /** Part paid by its buyers. */
    public double[] paidByBuyers() { return paidByBuyers; }
    /** Part paid by the government. */
    public double[] paidByGovernment() { return paidByGovernment; }
    /** Part paid by a mutual pool (out of its premiums). */
    public double[] paidByPool() { return paidByPool; }
    /** What the firm, as a buyer, pays towards its suppliers' security (directly or in higher prices). */
    public double[] paidForSuppliers() { return paidForSuppliers; }
    /** Pool premium the firm pays (mutual-pool policy), else 0. */
    public double[] premiumYen() { return premiumYen; }
    /** What the firm invests with no policy. */
    public double[] selfFundedYen() { return baselineInvestmentYen; }
    /** Expected business the firm loses for requirements it does not meet (margin × probability of losing the buyer). */
    public double[] lostBusinessYen() { return lostBusinessYen; }
    /** Expected annual penalty the firm pays for not meeting a mandate (a fine × the chance of being caught). */
    public double[] penaltyYen() { return penaltyYen; }
    /** The firm's expected annual loss at its choice, as it prices it. */
    public double[] expectedLossYen() { return expectedLossYen; }
    /** The model's view: success probability, dwell and recovery scales. */
    public Posture posture() { return posture; }

    /** How the firms' decisions were reached: best-response rounds to the equilibrium and the last round's largest change. */
    public Equilibrium.Convergence convergence() { return convergence; }

    /** Records how the decisions were reached ({@link Equilibrium} only): the funding is final (it forgets its {@link #decisions}); returns this. */
    SecurityFunding converged(Equilibrium.Convergence c) {
        convergence = c;
        decisions = null;
        firstGains = null;
        return this;
    }

    /** The firms' decisions made for this funding, while it is a best-response round's (null once final, or if it decided none). */
    Decisions decisions() { return decisions; }

    /** What a targeted budget's allocation started from, while the funding is a best-response round's (null once final, or none). */
    TargetedPolicy.FirstGains firstGains() { return firstGains; }

    /**
     * The decisions a policy's funding made ({@link Builder#decide}): per firm, the terms it decided under
     * and its choice, against risk model {@code risk}. A firm's choice is a pure function of its breach
     * function (the network's), its risk and its terms, so a later round of the same policy whose firm has
     * the same risk ({@link PolicyContext#sameFirmRisk}) and the same terms ({@link FirmTerms#sameAs}) would
     * choose the same, bit for bit, and takes it from here.
     */
    static final class Decisions {
        private final RiskModel risk;
        private final FirmTerms[] terms;
        private final Choice[] choices;
        private int made, reused;

        Decisions(RiskModel risk, int firms) {
            this.risk = risk;
            terms = new FirmTerms[firms];
            choices = new Choice[firms];
        }

        /** The choice made for {@code firm} if it decided under the same terms against the same risk as in {@code ctx}; else null. */
        Choice reusable(int firm, FirmTerms t, PolicyContext ctx) {
            FirmTerms made = terms[firm];
            if (made == null || !made.sameAs(t) || !ctx.sameFirmRisk(firm, risk)) return null;
            return choices[firm];
        }

        /** {@code firm} chose {@code c} under {@code t}: decided now or, if {@code reused}, taken from the round before. */
        void record(int firm, FirmTerms t, Choice c, boolean reused) {
            terms[firm] = t;
            choices[firm] = c;
            made++;
            if (reused) this.reused++;
        }

        /** How many firms decided for this funding. */
        int made() { return made; }

        /** How many of them took their choice from the round before. */
        int reused() { return reused; }
    }

    /** Whether the policy addresses the firm (it is among those asked or helped to meet its standard). */
    public boolean addressed(int firm) { return addressed.get(firm); }
    /** Whether an addressed firm meets the standard the policy asks of it. */
    public boolean meetsStandard(int firm) { return meetsStandard.get(firm); }
    /** Whether the firm's budget holds its investment below what it would choose without one. */
    public boolean budgetBound(int firm) { return budgetBound.get(firm); }

    public int firmCount() { return investmentYen.length; }
    public int addressedCount() { return addressed.cardinality(); }

    /** Share of the addressed firms that meet the policy's standard; NaN for a policy that addresses none. */
    public double shareMeetingStandard() {
        int n = addressed.cardinality();
        return n == 0 ? Double.NaN : (double) meetsStandard.cardinality() / n;
    }

    /** Share of all firms whose budget binds. */
    public double shareBudgetBound() { return firmCount() == 0 ? 0 : (double) budgetBound.cardinality() / firmCount(); }

    /** Security spending of one firm: investment plus certification. */
    public double spendYen(int firm) { return investmentYen[firm] + certificationYen[firm]; }

    /** Total security spending in the network (investment and certification, whoever pays). */
    public double totalSpend() { return sum(investmentYen) + sum(certificationYen); }
    public double totalCertification() { return sum(certificationYen); }
    public double totalPaidBySelf() { return sum(paidBySelf); }
    public double totalPaidByBuyers() { return sum(paidByBuyers); }
    public double totalPaidByGovernment() { return sum(paidByGovernment); }
    public double totalPaidByPool() { return sum(paidByPool); }
    public double totalPremiums() { return sum(premiumYen); }
    public double totalLostBusiness() { return sum(lostBusinessYen); }
    public double totalPenalties() { return sum(penaltyYen); }

    /** Running the policy: a subsidy's or programme's administration, a pool's running costs. */
    public double administrationYen() { return administrationYen; }

    /** Public money the policy spends (grants, public programmes, their administration). */
    public double publicFundsYen() { return publicFundsYen; }

    /** The excess burden of the public money: {@code (marginal cost of public funds − 1) × public funds}. */
    public double excessBurdenYen() { return (marginalCostOfPublicFunds - 1) * publicFundsYen; }

    /** What the policy costs society beyond losses and security spending: administration and the excess burden. */
    public double overheadYen() { return administrationYen + excessBurdenYen(); }

    /**
     * The policy's cost: the security spending it adds to what firms spend with no policy
     * ({@code Σ (z + certification) − Σ z_baseline}), plus administration and the excess burden of
     * public money. Transfers (who pays whom) are not in it — they are in the payer columns — so
     * {@code societal cost = losses + security spending + overhead} falls by exactly
     * {@code loss avoided − policy cost}. Zero for {@code none}; negative if firms spend less.
     */
    public double policyCost() {
        return totalSpend() - sum(baselineInvestmentYen) + overheadYen();
    }

    static double sum(double[] xs) {
        double s = 0;
        for (double x : xs) s += x;
        return s;
    }

    /**
     * Collects firms' decisions under a policy and books who pays. Firms the policy never decides
     * for keep their baseline choice. A decided firm's shares are booked by their tag (a buyer's
     * firm index, {@link #GOVERNMENT} or {@link #POOL}); price increases from buyers (income) pay
     * for the firm's security first, and what is left is the supplier's to keep.
     */
    public static final class Builder {
        private final PolicyContext ctx;
        private final SupplyNetwork net;
        private final int n;
        final double[] z, cert, self, byBuyers, byGovernment, byPool, forSuppliers, premium, baseline, lostBusiness, penalty, loss, income;
        /** Sized for every firm at once (a bit set grown as firms are set copies its words again at each doubling, every round). */
        final BitSet addressed, meets, bound;
        private final Standard[] asked;
        double administration, publicFunds;
        /** The decisions of the policy's round before, which {@link #decide} reuses where it may (null: none); this round's, when it makes one. */
        private final Decisions previous;
        private Decisions decisions;
        private TargetedPolicy.FirstGains firstGains;
        /** Whether firms not decided for stay at their baseline choice, and the firms whose investment, loss and binding budget are set. */
        private final boolean atBaseline;
        private final BitSet set;

        /** Every firm at its baseline choice ({@link PolicyContext#baselineInvestmentYen}) until the policy decides for it. */
        public Builder(PolicyContext ctx) {
            this(ctx, true);
        }

        /** For a policy that {@link #plan}s every firm (the planner): no baseline choice is read, so a re-priced context need not make one. */
        static Builder planned(PolicyContext ctx) {
            return new Builder(ctx, false);
        }

        private Builder(PolicyContext ctx, boolean atBaseline) {
            this.ctx = ctx;
            this.net = ctx.network();
            n = net.firmCount();
            previous = ctx.previousDecisions();
            z = new double[n];
            cert = new double[n];
            self = new double[n];
            byBuyers = new double[n];
            byGovernment = new double[n];
            byPool = new double[n];
            forSuppliers = new double[n];
            premium = new double[n];
            baseline = new double[n];
            lostBusiness = new double[n];
            penalty = new double[n];
            loss = new double[n];
            income = new double[n];
            asked = new Standard[n];
            addressed = new BitSet(n);
            meets = new BitSet(n);
            bound = new BitSet(n);
            set = new BitSet(n);
            this.atBaseline = atBaseline;
            for (int i = 0; i < n; i++) baseline[i] = ctx.referenceInvestmentYen(i);
        }

        /**
         * Sets the firm at its baseline choice unless it is set already: when first touched, so that a firm the policy
         * decides for (whose choice replaces its baseline) never needs its own choice made in a re-priced round.
         */
        private void atBaseline(int firm) {
            if (!atBaseline || set.get(firm)) return;
            set.set(firm);
            z[firm] = ctx.baselineInvestmentYen(firm);
            loss[firm] = ctx.baselineLossYen(firm);
            if (ctx.baselineBudgetBound(firm)) bound.set(firm);
        }

        public PolicyContext context() { return ctx; }

        /** The policy addresses {@code firm} and asks it to meet {@code standard} (counted in the share meeting the standard). */
        public void address(int firm, Standard standard) {
            addressed.set(firm);
            asked[firm] = standard;
        }

        /**
         * The firm decides under {@code terms} (budget-only terms leave it at its baseline choice); its choice and the shares' payments are booked.
         * The choice the policy's round before made is taken where the firm's risk and terms are the same ({@link Decisions}); the
         * terms are kept for the next round, so the policy does not change them afterwards.
         */
        public void decide(int firm, FirmTerms terms) {
            if (terms.isBudgetOnly() && terms.budgetYen() == ctx.budgetYen(firm)) return;
            Choice reused = previous == null ? null : previous.reusable(firm, terms, ctx);
            Choice c = reused != null ? reused : BestResponse.decide(ctx.breach(firm), ctx.risk(firm), terms);
            set.set(firm);
            if (decisions == null) decisions = new Decisions(ctx.risk(), n);
            decisions.record(firm, terms, c, reused != null);
            z[firm] = c.investmentYen();
            cert[firm] = c.certificationYen();
            loss[firm] = c.expectedLossYen();
            // by index: C1 (the README's run options) does not remove an iterator, and every round of a policy decides for its firms
            List<FirmTerms.Requirement> requirements = terms.requirements();
            for (int k = 0; k < requirements.size(); k++) {
                FirmTerms.Requirement r = requirements.get(k);
                if (c.certified() != null && c.certified().covers(r.standard())) continue;
                if (r.tag() == PENALTY) penalty[firm] += r.stakeYen();
                else lostBusiness[firm] += r.stakeYen();
            }
            bound.set(firm, c.budgetBound());
            List<Share> shares = terms.shares();
            for (int k = 0; k < shares.size(); k++) {
                Share s = shares.get(k);
                boolean inForce = s.condition() == null || c.certified() != null && c.certified().covers(s.condition());
                if (!inForce) continue;
                double pay = s.paymentYen(c.investmentYen(), c.certificationYen());
                book(firm, s.tag(), pay);
            }
        }

        /** The planner sets the firm's investment to {@code yen} (its expected own loss then {@code lossYen}); booked as the firm's own spending. */
        void plan(int firm, double yen, double lossYen) {
            set.set(firm);
            z[firm] = yen;
            cert[firm] = 0;
            loss[firm] = lossYen;
            bound.clear(firm);
        }

        /** {@code buyer} raises what it pays {@code supplier} by {@code yen} a year (a price pass-through for the supplier's security). */
        public void priceIncrease(int supplier, int buyer, double yen) {
            forSuppliers[buyer] += yen;
            income[supplier] += yen;
        }

        /** {@code payer} buys {@code yen} of security for {@code firm} on top of what the firm spends itself (earmarked: the firm may not spend less). */
        public void fundAdditional(int firm, int tag, double yen) {
            atBaseline(firm);
            z[firm] += yen;
            book(firm, tag, yen);
        }

        /** The firm pays {@code yen} of pool premium. */
        public void premium(int firm, double yen) { premium[firm] += yen; }

        /** Running the policy costs {@code yen}; {@code publicMoney}: the government pays it. */
        public void administration(double yen, boolean publicMoney) {
            administration += yen;
            if (publicMoney) publicFunds += yen;
        }

        private void book(int firm, int tag, double yen) {
            if (yen == 0) return;
            if (tag >= 0) {
                byBuyers[firm] += yen;
                forSuppliers[tag] += yen;
            } else if (tag == GOVERNMENT) {
                byGovernment[firm] += yen;
                publicFunds += yen;
            } else if (tag == POOL) {
                byPool[firm] += yen;
            }
        }

        /** Each firm's posture, meeting of its standard and own payment. */
        /** A targeted budget's round: what its allocation started from, kept for the next round ({@link SecurityFunding#firstGains}). */
        void firstGains(TargetedPolicy.FirstGains gains) { firstGains = gains; }

        public SecurityFunding build() {
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                atBaseline(i);
                s[i] = ctx.breach(i).vulnerability(z[i]);
                double spend = z[i] + cert[i];
                double fromIncome = Math.min(income[i], Math.max(0, spend - byBuyers[i] - byGovernment[i] - byPool[i]));
                byBuyers[i] += fromIncome;
                self[i] = Math.max(0, spend - byBuyers[i] - byGovernment[i] - byPool[i]);
                if (addressed.get(i) && asked[i] != null && s[i] <= asked[i].maxVulnerability() * (1 + 1e-12)) meets.set(i);
            }
            return new SecurityFunding(this, PostureRule.postureFor(net, s));
        }
    }
}
