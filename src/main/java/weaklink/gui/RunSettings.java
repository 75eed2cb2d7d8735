package weaklink.gui;

import java.util.List;

/**
 * The console's Model tab: which policy and which replicate to watch. MASON shows the policy as a
 * pop-up list ({@code domPolicy}); changes take effect at the next start (after stop, play).
 */
public final class RunSettings {
    private final List<String> policyNames;
    private final String scenarioName;
    private final int firms;
    private volatile int policy;
    private volatile int replicate;

    RunSettings(String scenarioName, int firms, List<String> policyNames, int policy, int replicate) {
        this.scenarioName = scenarioName;
        this.firms = firms;
        this.policyNames = List.copyOf(policyNames);
        this.policy = policy;
        this.replicate = replicate;
    }

    public String getScenario() { return scenarioName; }

    public int getFirms() { return firms; }

    /** Index into {@link #domPolicy()}. */
    public int getPolicy() { return policy; }

    public void setPolicy(int p) { if (p >= 0 && p < policyNames.size()) policy = p; }

    public Object domPolicy() { return policyNames.toArray(new String[0]); }

    public String desPolicy() { return "Cost-sharing policy deciding each firm's security investment; applied at the next start."; }

    /** Which replicate (simulated year) of the run to show: the same draws as replicate N of a batch run with the same seed. */
    public int getReplicate() { return replicate; }

    public void setReplicate(int r) { if (r >= 0) replicate = r; }

    public String desReplicate() { return "Replicate index; the GUI shows exactly replicate N of 'run' with the same seed. Applied at the next start."; }

    String policyName() { return policyNames.get(policy); }
}
