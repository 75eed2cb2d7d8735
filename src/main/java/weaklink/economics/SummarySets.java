package weaklink.economics;

import java.util.ArrayList;
import java.util.List;
import weaklink.network.SupplyNetwork;
import weaklink.scenario.SizeClass;

/**
 * The exposure groupings losses are summarised by, as Oasis' summary sets: set 1 the whole book
 * (one summary id), set 2 by tier (id = tier + 1), set 3 by size class (id = 1 large, 2 medium,
 * 3 small, 4 micro), set 4 by sector (id = the sector's position in the network's list of sectors
 * + 1; a firm without a sector of its own is in its role's). Each (set, id) is a <em>cell</em>; a
 * firm falls in one cell of every set. Cells are numbered set by set: cell 0 is set 1's, then the
 * tiers, the size classes, the sectors.
 */
public final class SummarySets {
    /** Set numbers, as in the ORD file names {@code _S1_}, {@code _S2_}, {@code _S3_}. */
    public static final int WHOLE = 1, TIER = 2, SIZE = 3, SECTOR = 4;
    /** The field each set groups by, as Oasis' summary-info files name it ({@code _not_set_} for the whole book). */
    public static final List<String> FIELDS = List.of("_not_set_", "tier", "size_class", "sector");
    private static final int SIZES = SizeClass.values().length;

    private final int tiers;
    private final List<String> sectors;

    public SummarySets(SupplyNetwork net) { this(net.maxTier() + 1, net.sectors()); }

    SummarySets(int tiers, List<String> sectors) {
        this.tiers = tiers;
        this.sectors = List.copyOf(sectors);
    }

    /** Number of summary sets. */
    public int sets() { return 4; }

    /** Number of cells over all sets. */
    public int cells() { return 1 + tiers + SIZES + sectors.size(); }

    /** The set of a cell. */
    public int set(int cell) { return cell == 0 ? WHOLE : cell <= tiers ? TIER : cell <= tiers + SIZES ? SIZE : SECTOR; }

    /** The summary id of a cell within its set (from 1). */
    public int summaryId(int cell) {
        return switch (set(cell)) {
            case WHOLE -> 1;
            case TIER -> cell;
            case SIZE -> cell - tiers;
            default -> cell - tiers - SIZES;
        };
    }

    /** The cell of (set, summary id). */
    public int cell(int set, int summaryId) {
        return switch (set) {
            case WHOLE -> 0;
            case TIER -> summaryId;
            case SIZE -> tiers + summaryId;
            case SECTOR -> tiers + SIZES + summaryId;
            default -> throw new IllegalArgumentException("no summary set " + set);
        };
    }

    /** What a cell groups, as the summary-info file writes it: {@code All-Risks}, a tier number, a size class. */
    public String label(int cell) {
        return switch (set(cell)) {
            case WHOLE -> "All-Risks";
            case TIER -> Integer.toString(summaryId(cell) - 1);
            case SIZE -> SizeClass.values()[summaryId(cell) - 1].label();
            default -> sectors.get(summaryId(cell) - 1);
        };
    }

    /** The cells of set {@code set}, in summary id order. */
    public List<Integer> cellsOf(int set) {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < cells(); c++) if (set(c) == set) out.add(c);
        return out;
    }

    /** The cells firm {@code f} falls in, one per set, into {@code out}. */
    public void cellsOf(SupplyNetwork net, int f, int[] out) {
        out[0] = 0;
        out[1] = 1 + net.tier(f);
        out[2] = 1 + tiers + net.sizeClass(f).ordinal();
        out[3] = 1 + tiers + SIZES + net.sector(f);
    }

    /**
     * The exposure of each cell, as the summary-info files give it: {@code [0][cell]} the annual
     * revenue of the cell's firms (with a book: its insured firms only), the ground-up exposure;
     * {@code [1][cell]} the limits of their policies (with a book: times its share), the insured exposure.
     */
    public double[][] exposure(SupplyNetwork net, Insurance insurance) {
        double[][] out = new double[2][cells()];
        int[] cells = new int[sets()];
        var book = insurance.book();
        for (int f = 0; f < net.firmCount(); f++) {
            int k = book == null ? -1 : book.positionOf(f);
            if (book != null && k < 0) continue;
            Insurance.Terms terms = insurance.terms(f);
            double limit = terms.insured() ? terms.limitYen() * (k >= 0 ? book.share(k) : 1) : 0;
            cellsOf(net, f, cells);
            for (int c : cells) {
                out[0][c] += net.revenueYen(f);
                out[1][c] += limit;
            }
        }
        return out;
    }
}
