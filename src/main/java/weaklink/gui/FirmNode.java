package weaklink.gui;

import weaklink.economics.LossModel;
import weaklink.economics.policy.SecurityFunding;
import weaklink.model.ReplicateRecord;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.Scenario;

/**
 * One firm as the display and MASON's inspector see it: a small proxy for an index into the
 * network's arrays. MASON lists its public getters as the inspector's properties, read afresh on
 * every step, so the figures follow the run. Money is shown as the report writes it, in the
 * scenario's currency with three significant digits ({@code ¥512M}); the exact amounts are the
 * {@code ...Yen()} methods.
 */
public final class FirmNode {
    /** What a firm's figures are read from: the run being shown. */
    interface Context {
        Scenario scenario();
        SupplyNetwork network();
        /** The policy's funding in force for this run. */
        SecurityFunding funding();
        /** The replicate's record so far, or null before the first start. */
        ReplicateRecord record();
        FirmStates states();
        /** The loss model of the network, whose per-firm terms the running losses use. */
        LossModel lossModel();
    }

    private final int firm;
    private final Context context;

    FirmNode(int firm, Context context) {
        this.firm = firm;
        this.context = context;
    }

    /** Index of the firm in the network's arrays. */
    int index() { return firm; }

    public String getName() { return context.network().name(firm); }
    public long getId() { return context.network().firmId(firm); }
    public int getTier() { return context.network().tier(firm); }
    public String getRole() { return context.network().role(firm).label(); }
    public String getSizeClass() { return context.network().sizeClass(firm).label(); }
    /** Annual revenue, as money text. */
    public String getRevenue() { return money(revenueYen()); }
    double revenueYen() { return context.network().revenueYen(firm); }
    public int getSuppliers() { return context.network().supplierCount(firm); }
    public int getCustomers() { return context.network().customerCount(firm); }
    /** Base vulnerability {@code v}: probability that one attempt succeeds with no investment. */
    public double getVulnerability() { return context.network().vulnerability(firm); }
    /** {@code S(z)} under the policy in force: probability that one attempt succeeds. */
    public double getVulnerabilityAfterInvestment() { return context.funding().posture().successProbability()[firm]; }
    /** Security investment {@code z} a year under the policy, whoever pays it, as money text. */
    public String getInvestment() { return money(investmentYen()); }
    double investmentYen() { return context.funding().investmentYen()[firm]; }
    /** The part of {@code z} paid by the firm's buyers, the government or a pool, as money text. */
    public String getInvestmentPaidByOthers() { return money(investmentPaidByOthersYen()); }
    double investmentPaidByOthersYen() {
        SecurityFunding f = context.funding();
        return f.paidByBuyers()[firm] + f.paidByGovernment()[firm] + f.paidByPool()[firm];
    }
    public String getState() { return StatusColours.label(context.states().state(firm)); }

    /** Compromises of this firm so far (one per campaign that got in). */
    public int getTimesCompromised() {
        ReplicateRecord r = context.record();
        if (r == null) return 0;
        int n = 0;
        for (int k = 0; k < r.size(); k++) if (r.firm(k) == firm) n++;
        return n;
    }

    /** The firm's own losses accrued so far, as money text; see {@link RunningLoss} for what is counted. */
    public String getLossesSoFar() { return money(lossesSoFarYen()); }
    double lossesSoFarYen() {
        ReplicateRecord r = context.record();
        int day = context.states().day();
        if (r == null || day < 0) return 0;
        return RunningLoss.lossSoFarYen(context.lossModel(), r, firm, day);
    }

    private String money(double yen) { return weaklink.report.Measure.moneyText(context.scenario().currency()).write(yen); }

    @Override
    public String toString() { return getName() + " (tier " + getTier() + ", " + getSizeClass() + ")"; }
}
