package weaklink.gui;

import java.awt.Color;
import weaklink.model.FirmStatus;

/**
 * How the display shows a firm's {@link FirmStatus}: a colour from the Okabe–Ito palette (readable
 * with colour-blindness) and a word. The statuses themselves, and which wins when several apply on
 * one day, are the model's.
 */
final class StatusColours {
    private static final Color[] COLOURS = new Color[FirmStatus.values().length];

    static {
        COLOURS[FirmStatus.HEALTHY.ordinal()] = new Color(160, 178, 196);
        COLOURS[FirmStatus.COMPROMISED.ordinal()] = new Color(213, 94, 0);
        COLOURS[FirmStatus.DOWN.ordinal()] = new Color(20, 20, 20);
        COLOURS[FirmStatus.RECOVERED.ordinal()] = new Color(0, 158, 115);
    }

    private StatusColours() {}

    static Color of(FirmStatus status) { return COLOURS[status.ordinal()]; }

    /** The status in words, as the inspector and the tier captions show it: healthy, compromised, down, recovered. */
    static String label(FirmStatus status) { return status.name().toLowerCase(java.util.Locale.ROOT); }
}
