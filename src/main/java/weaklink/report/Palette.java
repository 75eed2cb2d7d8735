package weaklink.report;

import java.awt.Color;

/**
 * Colours of every WeakLink chart. Policies take the Okabe–Ito palette, which stays distinct under
 * the common forms of colour blindness (Okabe &amp; Ito 2008, "Color Universal Design"; Wong 2011,
 * Nature Methods 8:441). A policy's colour is fixed by its type ({@link #policy}): the baseline
 * {@code none} black, {@code buyer-share} orange, {@code subsidy} sky blue, {@code mutual-pool}
 * bluish green, {@code targeted} blue, {@code mandate} vermillion, {@code planner} reddish purple;
 * variants of one type (e.g. three buyer shares) take the type's colour, then a darker and a
 * lighter shade of it, in the order of their names. So a policy keeps its colour whatever its
 * place in the list and from one run to the next. Payers (who pays for security) take greys, so
 * they are never mistaken for a policy.
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
    /** Policy types in the order of their base colour in {@link #OKABE_ITO}; any other type takes yellow. */
    private static final java.util.List<String> POLICY_TYPES = java.util.List.of("none", "buyer-share", "subsidy", "mutual-pool", "targeted",
            "mandate", "planner");
    /** A darker and a lighter shade of each policy type's colour, for its second and third variants. */
    private static final Color[] SHADES = shades();
    private static final Color[] GREYS = {new Color(0x3B3B3B), new Color(0x7A7A7A), new Color(0xAFAFAF), new Color(0xDADADA)};

    /** Gridlines and other quiet marks. */
    public static final Color GRID = new Color(0xDDDDDD);
    /** Text and axis lines. */
    public static final Color INK = new Color(0x222222);

    private Palette() {}

    /**
     * The colour of series {@code index}: 0–7 the Okabe–Ito colours, from 8 on the shades that
     * {@link #policy} gives variants (cycling).
     */
    public static Color series(int index) {
        if (index < OKABE_ITO.length) return OKABE_ITO[Math.floorMod(index, OKABE_ITO.length)];
        return SHADES[(index - OKABE_ITO.length) % SHADES.length];
    }

    /**
     * The series index of a policy of type {@code type} (its {@code id}: {@code buyer-share}, ...)
     * that is the {@code variant}-th (from 0) of that type in the run, variants ordered by name:
     * the type's colour for the first, a darker then a lighter shade for the next two, then again.
     */
    public static int policy(String type, int variant) {
        int base = POLICY_TYPES.indexOf(type);
        if (base < 0) base = OKABE_ITO.length - 1;
        int v = Math.floorMod(variant, 3);
        return v == 0 ? base : OKABE_ITO.length + 2 * base + (v - 1);
    }

    private static Color[] shades() {
        Color[] out = new Color[2 * OKABE_ITO.length];
        for (int i = 0; i < OKABE_ITO.length; i++) {
            Color c = OKABE_ITO[i];
            out[2 * i] = i == 0 ? new Color(0x5A5A5A) : mix(c, Color.BLACK, 0.35);
            out[2 * i + 1] = i == 0 ? new Color(0x9A9A9A) : mix(c, Color.WHITE, 0.45);
        }
        return out;
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() * (1 - t) + b.getRed() * t), (int) Math.round(a.getGreen() * (1 - t) + b.getGreen() * t),
                (int) Math.round(a.getBlue() * (1 - t) + b.getBlue() * t));
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
