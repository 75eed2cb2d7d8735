package weaklink.gui;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.function.Supplier;
import sim.portrayal.DrawInfo2D;
import sim.portrayal.FieldPortrayal2D;
import sim.portrayal.Portrayal;
import weaklink.model.FirmStatus;
import sim.portrayal.SimplePortrayal2D;

/**
 * The tier bands' headers: for each tier, its firms and how many are compromised, down and
 * recovered on the day shown, counted over every firm of the tier, shown or not. For networks too
 * big to draw whole this is the aggregate view, and the header says how many firms are drawn. The
 * day, policy and replicate shown are written at the top right.
 */
final class TierLabels extends FieldPortrayal2D {
    private static final Color TEXT = new Color(60, 60, 60);
    private static final Color BAND = new Color(244, 244, 244);
    private final FirmStates states;
    private final TierLayout layout;
    private final NetworkView view;
    private final Supplier<String> caption;
    private final boolean text;

    /**
     * @param text false for the bands' shading (drawn first, under the network), true for the
     *             headers and caption (drawn last, over it)
     */
    TierLabels(FirmStates states, TierLayout layout, NetworkView view, Supplier<String> caption, boolean text) {
        this.text = text;
        this.states = states;
        this.layout = layout;
        this.view = view;
        this.caption = caption;
        setField(layout);
    }

    @Override
    public Portrayal getDefaultPortrayal() { return new SimplePortrayal2D(); }

    @Override
    public void draw(Object object, Graphics2D g, DrawInfo2D info) {
        double sx = info.draw.width / layout.width();
        double sy = info.draw.height / layout.height();
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.max(9, Math.min(14, TierLayout.BAND_HEADER * sy * 0.55))));
        for (int t = 0; t < layout.tiers(); t++) {
            double top = info.draw.y + layout.bandTop(t) * sy;
            double bottom = info.draw.y + (t + 1 < layout.tiers() ? layout.bandTop(t + 1) - TierLayout.MARGIN : layout.height() - TierLayout.MARGIN) * sy;
            if (!text) {
                g.setColor(BAND);
                g.fillRect((int) info.draw.x, (int) top, (int) info.draw.width, (int) (bottom - top));
            } else {
                write(g, header(t), info.draw.x + TierLayout.MARGIN * sx, top + TierLayout.BAND_HEADER * sy * 0.7);
            }
        }
        if (!text) return;
        String c = caption.get();
        write(g, c, info.draw.x + info.draw.width - TierLayout.MARGIN * sx - g.getFontMetrics().stringWidth(c),
                info.draw.y + layout.bandTop(0) * sy + TierLayout.BAND_HEADER * sy * 0.7);
    }

    /** Text on a patch of the band's colour, so links drawn under it do not hide it. */
    private static void write(Graphics2D g, String s, double x, double baseline) {
        FontMetrics fm = g.getFontMetrics();
        g.setColor(BAND);
        g.fillRect((int) x - 2, (int) baseline - fm.getAscent(), fm.stringWidth(s) + 4, fm.getAscent() + fm.getDescent());
        g.setColor(TEXT);
        g.drawString(s, (int) x, (int) baseline);
    }

    String header(int tier) {
        StringBuilder s = new StringBuilder();
        s.append("Tier ").append(tier).append(": ").append(String.format("%,d", states.tierFirms(tier))).append(" firms");
        for (FirmStatus st : FirmStatus.values()) {
            if (st == FirmStatus.HEALTHY) continue;
            s.append(", ").append(String.format("%,d", states.tierCount(tier, st))).append(' ').append(StatusColours.label(st));
        }
        if (!view.showsAll() && tier == 0) {
            s.append("   (drawing ").append(String.format("%,d", view.shownCount())).append(" affected or nearby firms of ")
                    .append(String.format("%,d", states.totalFirms())).append(')');
        }
        return s.toString();
    }
}
