package weaklink.scenario;

/**
 * Kind of IT access one firm has into another; each has a base daily lateral-movement
 * probability set in the scenario. {@code none} is the absence of a trust edge and is never stored.
 */
public enum TrustType implements Labelled {
    EDI("edi"), REMOTE_ACCESS("remote-access"), MANAGED_SERVICE("managed-service");

    private final String label;
    TrustType(String label) { this.label = label; }
    @Override public String label() { return label; }
}
