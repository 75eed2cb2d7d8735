package weaklink.gui;

import java.awt.Color;

/**
 * What the display shows of a firm on a day, with its colour (Okabe–Ito palette, readable with
 * colour-blindness). When several apply on one day the most severe wins: down, then compromised,
 * then recovered.
 */
public enum FirmState {
    HEALTHY("healthy", new Color(160, 178, 196)),
    /** An attacker is inside, undetected. */
    COMPROMISED("compromised", new Color(213, 94, 0)),
    /** In a ransomware outage: detected and not yet restored. */
    DOWN("down", new Color(20, 20, 20)),
    /** Was compromised or down this year, is neither now. */
    RECOVERED("recovered", new Color(0, 158, 115));

    private final String label;
    private final Color color;

    FirmState(String label, Color color) {
        this.label = label;
        this.color = color;
    }

    public String label() { return label; }

    public Color color() { return color; }

    @Override
    public String toString() { return label; }
}
