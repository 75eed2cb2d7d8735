package weaklink.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

/** JFreeChart's log axis picks ticks such as 2.5, 6.3, 15.8; readers expect 1, 2, 5, 10, 20, 50 … */
final class OneTwoFiveLogAxis extends LogAxis {
    private static final long serialVersionUID = 1L;
    private final java.text.NumberFormat format;

    OneTwoFiveLogAxis(String label, java.text.NumberFormat format) {
        super(label);
        this.format = format;
    }

    @Override
    public List<NumberTick> refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List<NumberTick> ticks = new ArrayList<>();
        boolean horizontal = RectangleEdge.isTopOrBottom(edge);
        TextAnchor anchor = horizontal ? (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER)
                : (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT);
        Range range = getRange();
        for (int exponent = -9; exponent <= 15; exponent++) {
            for (int mantissa : new int[] {1, 2, 5}) {
                double v = mantissa * Math.pow(10, exponent);
                if (v >= range.getLowerBound() && v <= range.getUpperBound()) {
                    ticks.add(new NumberTick(TickType.MAJOR, v, format.format(v), anchor, anchor, 0.0));
                }
            }
        }
        return ticks;
    }
}
