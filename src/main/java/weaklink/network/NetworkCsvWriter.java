package weaklink.network;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Map;
import weaklink.io.Csv;
import weaklink.scenario.FirmDefaults;
import weaklink.scenario.SizeClass;

/**
 * Writes a network in the format {@link NetworkCsv} reads (the {@code network} command's export):
 * numbers in the shortest plain decimal that reads back to the same double (or, for link values
 * stored as float, the same float), and a cell left empty where the value equals the default it
 * would be read back as, so an exported network re-imports to the same network and its re-export
 * has the same bytes.
 */
public final class NetworkCsvWriter {
    private NetworkCsvWriter() {}

    /**
     * Writes {@code firms.csv}. With {@code allAttributes} every attribute is written; otherwise
     * only those that differ from the firm's size-class default in {@code defaults}, and
     * {@code insured} always where the class insures some but not all of its firms (an empty cell
     * is drawn on import, so a written network reads back the same).
     */
    public static void writeFirms(SupplyNetwork net, Map<SizeClass, FirmDefaults> defaults, boolean allAttributes, Writer out) throws IOException {
        out.write(String.join(",", NetworkCsv.FIRM_COLUMNS));
        out.write('\n');
        FirmAttribute[] attrs = FirmAttribute.values();
        double[][] def = new double[SizeClass.values().length][attrs.length];
        for (SizeClass c : SizeClass.values()) for (FirmAttribute a : attrs) def[c.ordinal()][a.ordinal()] = a.defaultFrom(defaults.get(c));
        StringBuilder row = new StringBuilder(256);
        for (int f = 0; f < net.firmCount(); f++) {
            row.setLength(0);
            row.append(net.firmId(f)).append(',');
            if (net.hasName(f)) row.append(Csv.text(net.name(f)));
            SizeClass size = net.sizeClass(f);
            row.append(',').append(net.tier(f)).append(',').append(size.label()).append(',').append(net.role(f).label())
                    .append(',').append(Csv.text(net.sectorLabel(f)));
            for (FirmAttribute a : attrs) {
                row.append(',');
                double v = net.attribute(a, f);
                boolean drawn = a == FirmAttribute.INSURED && isDrawn(defaults.get(size));
                if (allAttributes || drawn || Double.doubleToLongBits(v) != Double.doubleToLongBits(def[size.ordinal()][a.ordinal()])) row.append(exact(v));
            }
            row.append(',');
            long mask = net.technologyMask(f);
            if (mask != 0) {
                StringBuilder tags = new StringBuilder();
                for (int t = 0; t < net.technologies().size(); t++) {
                    if ((mask >>> t & 1L) != 0) {
                        if (tags.length() > 0) tags.append(';');
                        tags.append(net.technologies().get(t));
                    }
                }
                row.append(Csv.text(tags.toString()));
            }
            row.append('\n');
            out.append(row);
        }
    }

    /** Whether an empty {@code insured} cell is drawn on import: the class insures some but not all of its firms. */
    static boolean isDrawn(FirmDefaults d) {
        return d.insuredShare() > 0 && d.insuredShare() < 1;
    }

    /**
     * Writes {@code links.csv}: supply links by supplier, then trust links by source, each in the
     * network's order. Substitution cells equal to the defaults are left empty unless {@code allValues}.
     */
    public static void writeLinks(SupplyNetwork net, double defaultSubstitutionDays, double defaultSubstitutionShare,
                                  boolean allValues, Writer out) throws IOException {
        out.write(String.join(",", NetworkCsv.LINK_COLUMNS));
        out.write('\n');
        float defDays = (float) defaultSubstitutionDays, defShare = (float) defaultSubstitutionShare;
        StringBuilder row = new StringBuilder(64);
        for (int e = 0; e < net.supplyLinkCount(); e++) {
            row.setLength(0);
            row.append("supply,").append(net.firmId(net.supplySupplier(e))).append(',').append(net.firmId(net.supplyBuyer(e)))
                    .append(",,").append(exact(net.supplyShare[e])).append(',');
            float days = net.substitutionDays[e], share = net.substitutionShare[e];
            if (allValues || Float.floatToIntBits(days) != Float.floatToIntBits(defDays)) row.append(exact(days));
            row.append(',');
            if (allValues || Float.floatToIntBits(share) != Float.floatToIntBits(defShare)) row.append(exact(share));
            row.append('\n');
            out.append(row);
        }
        for (int e = 0; e < net.trustLinkCount(); e++) {
            row.setLength(0);
            row.append("trust,").append(net.firmId(net.trustSource(e))).append(',').append(net.firmId(net.trustTarget(e)))
                    .append(',').append(net.trustType(e).label()).append(",,,\n");
            out.append(row);
        }
    }

    /** The shortest plain decimal (no exponent) that {@link Double#parseDouble} reads back to exactly {@code x}. */
    public static String exact(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) return Long.toString((long) x);
        String s = Double.toString(x);
        return s.indexOf('E') < 0 ? s : new BigDecimal(s).stripTrailingZeros().toPlainString();
    }

    /** The shortest plain decimal that {@link Float#parseFloat} reads back to exactly {@code x}. */
    public static String exact(float x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e7f) return Long.toString((long) x);
        String s = Float.toString(x);
        return s.indexOf('E') < 0 ? s : new BigDecimal(s).stripTrailingZeros().toPlainString();
    }
}
