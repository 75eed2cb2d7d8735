package weaklink.scenario;

/** Firm size class, following Japan's SME Basic Act and the EU definition (micro &lt; small &lt; medium &lt; large). */
public enum SizeClass implements Labelled {
    LARGE("large"), MEDIUM("medium"), SMALL("small"), MICRO("micro");

    private final String label;
    SizeClass(String label) { this.label = label; }
    @Override public String label() { return label; }

    /** True for micro, small and medium firms (SMEs), the target of subsidies. */
    public boolean isSme() { return this != LARGE; }
}
