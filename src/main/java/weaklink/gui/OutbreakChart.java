package weaklink.gui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The live chart of firms compromised and firms down per day (JFreeChart 1.5), in its own window.
 * The model thread hands each day's counts over with {@link #add}; the series are changed only
 * on the Swing event thread, as JFreeChart requires.
 */
final class OutbreakChart {
    private final XYSeries compromised = new XYSeries("compromised (undetected)", true, false);
    private final XYSeries down = new XYSeries("down (outage)", true, false);
    private final JFreeChart chart;
    private JFrame frame;

    OutbreakChart(String title, int days) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(compromised);
        data.addSeries(down);
        chart = ChartFactory.createXYLineChart(title, "day", "firms", data, PlotOrientation.VERTICAL, true, true, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        plot.getDomainAxis().setRange(0, Math.max(1, days));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, StatusColours.of(weaklink.model.FirmStatus.COMPROMISED));
        r.setSeriesPaint(1, StatusColours.of(weaklink.model.FirmStatus.DOWN));
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesStroke(1, new BasicStroke(2f));
        plot.setRenderer(r);
    }

    /** The chart's window, made on first call; must be called on the Swing event thread. */
    JFrame frame() {
        if (frame == null) {
            ChartPanel panel = new ChartPanel(chart);
            panel.setPreferredSize(new Dimension(560, 320));
            frame = new JFrame("Firms compromised and down");
            frame.setDefaultCloseOperation(JFrame.HIDE_ON_CLOSE);
            frame.getContentPane().add(panel);
            frame.pack();
        }
        return frame;
    }

    /** Empties the chart (for a new start), from any thread. */
    void clear() {
        onSwing(() -> {
            compromised.clear();
            down.clear();
        });
    }

    /** Adds a day's counts, from any thread. */
    void add(int day, int compromisedFirms, int downFirms) {
        onSwing(() -> {
            compromised.addOrUpdate(day, compromisedFirms);
            down.addOrUpdate(day, downFirms);
        });
    }

    /** The compromised series' value per day so far (for tests and checks); call on the Swing thread. */
    XYSeries compromisedSeries() { return compromised; }

    XYSeries downSeries() { return down; }

    JFreeChart chart() { return chart; }

    private static void onSwing(Runnable r) {
        if (SwingUtilities.isEventDispatchThread()) r.run();
        else SwingUtilities.invokeLater(r);
    }
}
