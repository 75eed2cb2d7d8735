package weaklink.economics.policy;

import weaklink.economics.ReplicateLosses;
import weaklink.economics.decision.FirmTerms.Standard;
import weaklink.scenario.PolicySpec;

/**
 * A policy's behaviour (DESIGN §1 "Cost-sharing policies"; docs/POLICIES.md). A policy never sets
 * a firm's investment: it changes what the firm faces — the price of security (a share others
 * pay), a condition (a buyer's procurement requirement, a grant's condition), a legal duty, a
 * premium — and each firm it reaches decides ({@link weaklink.economics.decision.BestResponse});
 * in-kind security bought for a firm (targeted, pool prevention) comes on top of what the firm
 * spends itself. {@link #fund} runs once per run and policy, before any replicate; a mutual pool
 * also settles each replicate's claims once its losses are known ({@link #settle}).
 */
public sealed interface CostSharingPolicy
        permits CostSharingPolicy.SelfFunded, BuyerSharePolicy, MandatePolicy, SubsidyPolicy, MutualPoolPolicy, TargetedPolicy, PlannerPolicy {

    PolicySpec spec();

    /** Every firm's decision under the policy, and who pays. */
    SecurityFunding fund(PolicyContext context);

    /**
     * A best-response round of the policy's equilibrium ({@link Equilibrium}) after {@code previous},
     * the same policy's round before it (null for the first): bit for bit {@link #fund(PolicyContext)}.
     * A policy may reuse the previous round's decisions of firms whose inputs it shows unchanged; by
     * default it decides again.
     */
    default SecurityFunding fund(PolicyContext context, Equilibrium.PreviousRound previous) {
        return fund(context);
    }

    /**
     * {@link #fund(PolicyContext, Equilibrium.PreviousRound)} with its loops over the firms run by {@code chunks}: bit for bit
     * the same funding however they are cut. By default a policy's loops run on the calling thread.
     */
    default SecurityFunding fund(PolicyContext context, Equilibrium.PreviousRound previous, FirmChunks chunks) {
        return fund(context, previous);
    }

    /** Settles one replicate's losses against the policy (pool claims); nothing for policies without a pool. */
    default PoolSettlement settle(SecurityFunding funding, ReplicateLosses losses) {
        return PoolSettlement.NONE;
    }

    /**
     * Whether {@link #settle} reads the losses by firm ({@link ReplicateLosses#firms()}): a replicate makes them only then,
     * so a policy that overrides {@code settle} says so itself (SettlesByFirmTest holds every policy to it).
     */
    default boolean settlesByFirm() {
        return false;
    }

    /** The behaviour of a policy as the scenario states it. */
    static CostSharingPolicy of(PolicySpec spec) {
        return switch (spec.kind()) {
            case NONE -> new SelfFunded((PolicySpec.None) spec);
            case BUYER_SHARE -> new BuyerSharePolicy((PolicySpec.BuyerShare) spec);
            case MANDATE -> new MandatePolicy((PolicySpec.Mandate) spec);
            case SUBSIDY -> new SubsidyPolicy((PolicySpec.Subsidy) spec);
            case MUTUAL_POOL -> new MutualPoolPolicy((PolicySpec.MutualPool) spec);
            case TARGETED -> new TargetedPolicy((PolicySpec.Targeted) spec);
            case PLANNER -> new PlannerPolicy((PolicySpec.Planner) spec);
        };
    }

    /** The baseline ({@code none}): every firm chooses its own investment within its budget and pays for it. */
    record SelfFunded(PolicySpec.None spec) implements CostSharingPolicy {
        @Override
        public SecurityFunding fund(PolicyContext context) {
            return new SecurityFunding.Builder(context).build();
        }
    }

    /**
     * The standard a policy asks of one firm: the named standard, or with {@code meti} the strictest
     * level METI's rule gives it towards any of its direct buyers ({@link MetiRule}).
     */
    static Standard standardFor(PolicyContext context, String name, int firm) {
        return PolicyContext.isMeti(name) ? MetiRule.strictestOverBuyers(context, firm) : context.standard(name);
    }
}
