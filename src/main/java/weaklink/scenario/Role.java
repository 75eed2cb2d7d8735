package weaklink.scenario;

/** What a firm does in the supply network. */
public enum Role implements Labelled {
    MANUFACTURER("manufacturer"), RETAILER("retailer"), WHOLESALER("wholesaler"),
    LOGISTICS("logistics"), IT_SERVICE("it-service");

    private final String label;
    Role(String label) { this.label = label; }
    @Override public String label() { return label; }
}
