package weaklink.network;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import weaklink.io.InputFile;
import weaklink.scenario.BadInputException;
import weaklink.scenario.Scenario;

/**
 * An insurer's book: the firms it insures and each one's policy terms, read from a CSV file
 * (the scenario's {@code insurance.portfolio}) with the same strictness as the network files —
 * unknown columns with a suggestion, every cell range-checked, every error naming the file, line,
 * column and column name, nothing read past a refusal. Held as arrays by position, in increasing
 * firm index order.
 *
 * <p>Columns: {@code firm_id} (a firm of the network, required), {@code limit_yen} (the most the
 * policy pays in a year, required), {@code deductible_yen} (retained per event, default 0),
 * {@code waiting_period_hours} (business interruption of the first hours of each outage is not
 * covered, default 0), {@code cbi_sublimit_yen} (the most contingent business interruption a year
 * can add to claims; 0, the default, means CBI is not covered), {@code ransom_sublimit_yen} (likewise
 * for ransoms paid; default 0) and {@code share} (the share of the policy this insurer writes,
 * above 0 and at most 1, default 1).
 */
public final class Portfolio {
    public static final List<String> COLUMNS = List.of("firm_id", "limit_yen", "deductible_yen", "waiting_period_hours",
            "cbi_sublimit_yen", "ransom_sublimit_yen", "share");
    /** Longest waiting period accepted: ten years, the longest a scenario simulates. */
    static final double MAX_WAITING_HOURS = 24.0 * 3650;

    private final int[] firm;
    private final double[] limitYen, deductibleYen, waitingHours, cbiSublimitYen, ransomSublimitYen, share;
    private final InputFile.Digest digest;

    private Portfolio(int[] firm, double[] limitYen, double[] deductibleYen, double[] waitingHours, double[] cbiSublimitYen,
                      double[] ransomSublimitYen, double[] share, InputFile.Digest digest) {
        this.firm = firm;
        this.limitYen = limitYen;
        this.deductibleYen = deductibleYen;
        this.waitingHours = waitingHours;
        this.cbiSublimitYen = cbiSublimitYen;
        this.ransomSublimitYen = ransomSublimitYen;
        this.share = share;
        this.digest = digest;
    }

    /** Number of insured firms. */
    public int size() { return firm.length; }
    /** The network index of the {@code k}-th insured firm (increasing in {@code k}). */
    public int firm(int k) { return firm[k]; }
    public double limitYen(int k) { return limitYen[k]; }
    public double deductibleYen(int k) { return deductibleYen[k]; }
    public double waitingPeriodHours(int k) { return waitingHours[k]; }
    public double cbiSublimitYen(int k) { return cbiSublimitYen[k]; }
    public double ransomSublimitYen(int k) { return ransomSublimitYen[k]; }
    public double share(int k) { return share[k]; }
    /** Size and SHA-256 of the file read. */
    public InputFile.Digest digest() { return digest; }

    /** The position of {@code networkIndex} in the book, or -1 when the firm is not insured by it. */
    public int positionOf(int networkIndex) {
        int k = Arrays.binarySearch(firm, networkIndex);
        return k >= 0 ? k : -1;
    }

    /**
     * Reads a portfolio file for {@code net}.
     *
     * @throws BadInputException naming the file, line, column and what is wrong: an unknown column, a
     *                           firm id not in the network or listed twice, a value out of range
     */
    public static Portfolio read(Path file, SupplyNetwork net) throws IOException, BadInputException {
        int cap = 64, n = 0;
        int[] firm = new int[cap], line = new int[cap];
        double[][] v = new double[6][cap];
        InputFile.Digest digest;
        try (CsvLines r = new CsvLines(file, COLUMNS, List.of("firm_id", "limit_yen"))) {
            int cId = r.column("firm_id"), cLimit = r.column("limit_yen"), cDed = r.column("deductible_yen"),
                    cWait = r.column("waiting_period_hours"), cCbi = r.column("cbi_sublimit_yen"), cRansom = r.column("ransom_sublimit_yen"),
                    cShare = r.column("share");
            while (r.next()) {
                if (n == cap) {
                    cap *= 2;
                    firm = Arrays.copyOf(firm, cap);
                    line = Arrays.copyOf(line, cap);
                    for (int i = 0; i < v.length; i++) v[i] = Arrays.copyOf(v[i], cap);
                }
                long id = r.nonNegativeLong(cId, null);
                int f = net.indexOf(id);
                if (f < 0) throw r.error(cId, null, "no firm with id " + id + " in the scenario's network" + idRange(net));
                firm[n] = f;
                line[n] = r.line();
                if (!r.isEmpty(cLimit) && !(r.number(cLimit, null) > 0)) {
                    throw r.error(cLimit, null, "the limit must be above 0, found " + CsvLines.echo(r.cell(cLimit).trim()));
                }
                v[0][n] = money(r, cLimit, Double.NaN);
                v[1][n] = money(r, cDed, 0);
                v[2][n] = range(r, cWait, 0, 0, MAX_WAITING_HOURS, "hours between 0 and " + (long) MAX_WAITING_HOURS);
                v[3][n] = money(r, cCbi, 0);
                v[4][n] = money(r, cRansom, 0);
                v[5][n] = range(r, cShare, 1, Double.MIN_VALUE, 1, "a share above 0 and at most 1 (the part of the policy this insurer writes)");
                n++;
            }
            digest = r.digest();
            if (n == 0) {
                throw new BadInputException(file.toString(), r.line(), 0, null, "has a header but no insured firm; list the book's firms"
                        + " one per row (or remove insurance.portfolio for a run without a book)");
            }
        }
        // by network index, refusing a firm listed twice (naming both lines)
        long[] keys = new long[n];
        for (int k = 0; k < n; k++) keys[k] = (long) firm[k] << 32 | k;
        Arrays.sort(keys);
        int[] outFirm = new int[n];
        double[][] out = new double[6][n];
        for (int i = 0; i < n; i++) {
            int k = (int) keys[i];
            outFirm[i] = firm[k];
            if (i > 0 && outFirm[i] == outFirm[i - 1]) {
                int first = (int) keys[i - 1];
                int[] lines = {line[first], line[k]};
                Arrays.sort(lines);
                throw new BadInputException(file.toString(), lines[1], COLUMNS.indexOf("firm_id") + 1, "firm_id", "firm " + net.firmId(firm[k])
                        + " is listed twice (first on line " + lines[0] + "); give each insured firm one row");
            }
            for (int c = 0; c < out.length; c++) out[c][i] = v[c][k];
        }
        return new Portfolio(outFirm, out[0], out[1], out[2], out[3], out[4], out[5], digest);
    }

    private static String idRange(SupplyNetwork net) {
        return net.firmCount() > 0 && net.indexOf(0) == 0 && net.indexOf(net.firmCount() - 1) == net.firmCount() - 1
                ? " (its firms have ids 0 to " + (net.firmCount() - 1) + ")" : "";
    }

    private static double money(CsvLines r, int c, double defaultValue) throws BadInputException {
        if (r.isEmpty(c)) {
            if (Double.isNaN(defaultValue)) throw r.error(c, null, "is empty; an amount in the scenario's currency is required");
            return defaultValue;
        }
        double x = r.number(c, null);
        if (!(x >= 0)) throw r.error(c, null, "must be at least 0, found " + CsvLines.echo(r.cell(c).trim()));
        if (x > Scenario.MAX_MONEY) throw r.error(c, null, CsvLines.echo(r.cell(c).trim()) + " is above the largest amount accepted (1e15)");
        return x;
    }

    private static double range(CsvLines r, int c, double defaultValue, double min, double max, String expected) throws BadInputException {
        if (r.isEmpty(c)) return defaultValue;
        double x = r.number(c, null);
        if (!(x >= min && x <= max)) throw r.error(c, null, "expected " + expected + ", found " + CsvLines.echo(r.cell(c).trim()));
        return x;
    }
}
