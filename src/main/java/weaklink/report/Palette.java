package weaklink.report;

import java.awt.Color;

/**
 * Colours of every WeakLink chart. Policies take the Okabe–Ito palette, which stays distinct under
 * the common forms of colour blindness (Okabe &amp; Ito 2008, "Color Universal Design"; Wong 2011,
 * Nature Methods 8:441), in the order of the run's policy list, so a policy has the same colour in
 * every chart of a run. Orange and vermillion are kept apart, and yellow comes last: it is the
 * hardest to see on white. Payers (who pays for
 * security) take greys, so they are never mistaken for a policy.
 */
public final class Palette {
    private static final Color[] OKABE_ITO = {
        new Color(0x000000), // black
        new Color(0xE69F00), // orange
        new Color(0x56B4E9), // sky blue
        new Color(0x009E73), // bluish green
        new Color(0x0072B2), // blue
        new Color(0xD55E00), // vermillion
        new Color(0xCC79A7), // reddish purple
        new Color(0xF0E442), // yellow
    };
    private static final Color[] GREYS = {new Color(0x3B3B3B), new Color(0x7A7A7A), new Color(0xAFAFAF), new Color(0xDADADA)};

    /** Gridlines and other quiet marks. */
    public static final Color GRID = new Color(0xDDDDDD);
    /** Text and axis lines. */
    public static final Color INK = new Color(0x222222);

    private Palette() {}

    /** The colour of series {@code index} (a policy's index in the run's policy list); cycles after eight. */
    public static Color series(int index) {
        return OKABE_ITO[Math.floorMod(index, OKABE_ITO.length)];
    }

    /** The grey of the {@code index}-th payer (self, buyers, government, pool, ...), darkest first; cycles after four. */
    public static Color payer(int index) {
        return GREYS[Math.floorMod(index, GREYS.length)];
    }

    /** {@code c} with opacity {@code alpha} in [0, 1], for bands and box fills. */
    public static Color translucent(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * alpha));
    }

    /** The colour as {@code #rrggbb}, for the HTML report. */
    public static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
