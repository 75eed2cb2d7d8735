package weaklink.network;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import weaklink.io.Csv;
import weaklink.io.InputFile;
import weaklink.random.RandomStreams;
import weaklink.scenario.BadInputException;
import weaklink.scenario.Labelled;
import weaklink.scenario.Names;
import weaklink.scenario.NetworkSpec;
import weaklink.scenario.Role;
import weaklink.scenario.Scenario;
import weaklink.scenario.SizeClass;
import weaklink.scenario.Suggest;
import weaklink.scenario.TrustType;

/**
 * The network's file format, written by the {@code network} command ({@link NetworkCsvWriter}) and
 * read here for scenarios with {@code network.files}; an exported network re-imports to the same
 * network, and its re-export has the same bytes.
 *
 * <p>{@code firms.csv}: {@code id} (a non-negative integer, required), then optionally
 * {@code name}, {@code tier}, {@code size_class}, {@code role}, {@code sector} (the product the
 * firm makes, a name: a buyer's inputs from suppliers of one sector are one input type), one
 * column per {@link FirmAttribute} and {@code technologies} (tags separated by ';'). An empty cell
 * takes the default: the size class's value for attributes, {@code small}, {@code manufacturer},
 * the role's label for the sector, and for the tier the number of supply hops to the nearest firm
 * without buyers.
 *
 * <p>{@code links.csv}: {@code kind} ({@code supply} or {@code trust}), {@code source},
 * {@code target} (firm ids; supply runs supplier -> buyer, trust from the firm holding access into
 * the other), {@code type} (trust type; empty for supply), {@code share} (fraction of the buyer's
 * inputs, 0..1; a buyer's shares may add up to at most 1, the rest is bought outside the network;
 * an empty share splits what the given shares leave equally), {@code substitution_days} and
 * {@code substitution_share} (empty: the scenario's economics defaults).
 *
 * <p>Numbers are written in the shortest plain decimal that reads back to the same double (or,
 * for link values stored as float, the same float); the exporter leaves a cell empty where the
 * value equals the default it would be read back as.
 */
public final class NetworkCsv {
    private NetworkCsv() {}

    public static final List<String> LINK_COLUMNS = List.of("kind", "source", "target", "type", "share", "substitution_days", "substitution_share");
    public static final List<String> FIRM_COLUMNS;
    static {
        List<String> c = new ArrayList<>(List.of("id", "name", "tier", "size_class", "role", "sector"));
        for (FirmAttribute a : FirmAttribute.values()) c.add(a.label());
        c.add("technologies");
        FIRM_COLUMNS = List.copyOf(c);
    }

    /** Largest tier number accepted in a file. */
    static final int MAX_TIER = 10_000;
    /** Tolerance on a buyer's shares adding up to more than 1 (shares are stored as float). */
    static final double SHARE_SUM_TOLERANCE = 1e-4;

    private static final SizeClass DEFAULT_SIZE = SizeClass.SMALL;
    private static final Role DEFAULT_ROLE = Role.MANUFACTURER;

    // ---------------------------------------------------------------- reading

    /**
     * Reads a network from {@code firms.csv} and {@code links.csv}, refusing the first bad row
     * with its file, line, column and what is wrong. Size-class defaults, technology tags and
     * substitution defaults come from the scenario. A firm whose {@code insured} cell is empty holds
     * cyber insurance with its size class's {@code insured_share}, drawn from {@code seed} and its id
     * (the same firm is insured or not whatever the row order). Refuses, before allocating it, a
     * network that would not fit in the heap.
     */
    public static SupplyNetwork read(Path firmsFile, Path linksFile, Scenario scenario, long seed) throws IOException, BadInputException {
        NetworkReadMemory reading = new NetworkReadMemory(firmsFile, linksFile);
        List<String> tech = List.copyOf(scenario.network().technologies().keySet());
        NetworkBuilder b = new NetworkBuilder(scenario.sizeClasses(), tech, reading.firmCapacity(), reading.linkCapacity(), 16);
        FirmRows firms = readFirms(firmsFile, b, reading, scenario, seed);
        int[] firmLine = firms.line();
        int n = b.firmCount();
        boolean inferTiers = false;
        for (int f = 0; f < n && !inferTiers; f++) inferTiers = b.tier(f) < 0;
        FirmIndex index = FirmIndex.of(b.firmIds(), n);
        long dup = index.duplicate();
        if (dup >= 0) {
            int first = (int) (dup >>> 32), second = (int) dup;
            throw new BadInputException(firmsFile.toString(), firmLine[second], FIRM_COLUMNS.indexOf("id") + 1, "id",
                    "duplicate firm id " + b.firmIds()[second] + " (first on line " + firmLine[first] + ")");
        }
        firmLine = null;

        LinkLines lines = readLinks(linksFile, b, index, scenario, reading);
        long d = b.firstDuplicateSupply();
        if (d >= 0) {
            throw new BadInputException(linksFile.toString(), lines.supply[(int) d], 0, null, "duplicate supply link from firm "
                    + b.firmIds()[b.supplySource((int) d)] + " to firm " + b.firmIds()[b.supplyBuyer((int) d)] + " (first on line " + lines.supply[(int) (d >>> 32)] + ")");
        }
        d = b.firstDuplicateTrust();
        if (d >= 0) {
            throw new BadInputException(linksFile.toString(), lines.trust[(int) d], 0, null, "duplicate trust link of the same type and direction (first on line "
                    + lines.trust[(int) (d >>> 32)] + ")");
        }
        // exact counts: what building the network's arrays takes on top of what reading holds
        reading.require(n, b.supplyLinkCount() + (long) b.trustLinkCount(), firms.names());
        SupplyNetwork net = b.build(false);
        if (inferTiers) inferTiers(net);
        net.setSources(List.of(firms.digest(), lines.digest()));
        return net;
    }

    /** What reading firms.csv gives besides the builder's firms: each firm's line, whether the file names firms, and its digest. */
    private record FirmRows(int[] line, boolean names, InputFile.Digest digest) {}

    /** Reads the firms into the builder (an empty tier as -1). */
    private static FirmRows readFirms(Path file, NetworkBuilder b, NetworkReadMemory reading, Scenario scenario, long seed) throws IOException, BadInputException {
        RandomStreams draws = new RandomStreams(seed, -1);
        int[] firmLine = new int[reading.firmCapacity()];
        try (CsvLines r = new CsvLines(file, FIRM_COLUMNS, List.of("id"))) {
            int cId = r.column("id"), cName = r.column("name"), cTier = r.column("tier"), cSize = r.column("size_class"),
                    cRole = r.column("role"), cSector = r.column("sector"), cTech = r.column("technologies");
            FirmAttribute[] attrs = FirmAttribute.values();
            int[] cAttr = new int[attrs.length];
            for (FirmAttribute a : attrs) cAttr[a.ordinal()] = r.column(a.label());
            while (r.next()) {
                if (b.firmCount() == NetworkSpec.MAX_FIRMS) throw r.error(cId, null, "more than " + NetworkSpec.MAX_FIRMS + " firms; not supported");
                if (b.firmCount() == b.firmCapacity()) {
                    // the arrays are full: check the heap for the rows counted and projected, then grow
                    int capacity = reading.growFirms(r, b.firmCount(), cName >= 0);
                    b.ensureFirmCapacity(capacity);
                    if (firmLine.length < capacity) firmLine = Arrays.copyOf(firmLine, capacity);
                }
                long id = r.nonNegativeLong(cId, null);
                int tier = -1;
                if (!r.isEmpty(cTier)) {
                    long t = r.nonNegativeLong(cTier, null);
                    if (t > MAX_TIER) throw r.error(cTier, null, "tier " + t + " is above the largest supported, " + MAX_TIER);
                    tier = (int) t;
                }
                SizeClass size = r.isEmpty(cSize) ? DEFAULT_SIZE : label(r, cSize, SizeClass.class, "size class");
                Role role = r.isEmpty(cRole) ? DEFAULT_ROLE : label(r, cRole, Role.class, "role");
                int f = b.addFirm(id, tier, size, role);
                if (f == firmLine.length) firmLine = Arrays.copyOf(firmLine, f + (f >> 1) + 16);
                firmLine[f] = r.line();
                if (!r.isEmpty(cName)) {
                    String name = Csv.unguard(r.cell(cName));
                    String problem = Names.problem(name, "");
                    if (problem != null) throw r.error(cName, null, problem);
                    b.setName(f, name);
                }
                if (!r.isEmpty(cSector)) {
                    String sector = Csv.unguard(r.cell(cSector));
                    String problem = Names.problem(sector, "");
                    if (problem != null) throw r.error(cSector, null, problem);
                    if (b.sectorIndex(sector) < 0) throw r.error(cSector, null, "sector '" + sector + "' would be the " + (NetworkBuilder.MAX_SECTORS + 1) + "th; at most " + NetworkBuilder.MAX_SECTORS + " are supported");
                    b.setSector(f, sector);
                }
                for (FirmAttribute a : attrs) {
                    int c = cAttr[a.ordinal()];
                    if (r.isEmpty(c)) {
                        if (a == FirmAttribute.INSURED && NetworkCsvWriter.isDrawn(scenario.defaults(size))) {
                            b.setAttribute(f, a, draws.uniform(RandomStreams.Stream.INSURANCE, id, 0) < scenario.defaults(size).insuredShare() ? 1 : 0);
                        }
                        continue;
                    }
                    double v = r.number(c, null);
                    String problem = checkAttribute(a, v);
                    if (problem != null) throw r.error(c, null, problem);
                    b.setAttribute(f, a, v);
                }
                if (!r.isEmpty(cTech)) {
                    long mask = 0;
                    for (String tag : Csv.unguard(r.cell(cTech)).split(";", -1)) {
                        String t = tag.trim();
                        if (t.isEmpty()) throw r.error(cTech, null, "an empty technology tag (tags are separated by ';')");
                        String problem = Names.problem(t, ";");
                        if (problem != null) throw r.error(cTech, null, problem);
                        int bit = b.technologyBit(t);
                        if (bit < 0) throw r.error(cTech, null, "technology '" + CsvLines.echo(t) + "' would be the 65th; at most 64 are supported");
                        mask |= 1L << bit;
                    }
                    b.setTechnologyMask(f, mask);
                }
            }
            return new FirmRows(firmLine, cName >= 0, r.digest());
        }
    }

    /** Line numbers of the links, in the order they were added to the builder. */
    private record LinkLines(int[] supply, int[] trust, InputFile.Digest digest) {}

    private static LinkLines readLinks(Path file, NetworkBuilder b, FirmIndex index, Scenario scenario, NetworkReadMemory reading) throws IOException, BadInputException {
        int n = b.firmCount();
        double[] shareSum = new double[n];
        int[] emptyShares = new int[n];
        int[] supplyLine = new int[16], trustLine = new int[16];
        float defDays = (float) scenario.economics().substitutionDays(), defSub = (float) scenario.economics().substitutionShare();
        InputFile.Digest digest;
        try (CsvLines r = new CsvLines(file, LINK_COLUMNS, List.of("kind", "source", "target"))) {
            int cKind = r.column("kind"), cSource = r.column("source"), cTarget = r.column("target"), cType = r.column("type"),
                    cShare = r.column("share"), cDays = r.column("substitution_days"), cSub = r.column("substitution_share");
            while (r.next()) {
                if (b.supplyLinkCount() == b.supplyCapacity() || b.trustLinkCount() == b.trustCapacity()) {
                    long links = b.supplyLinkCount() + (long) b.trustLinkCount();
                    long room = reading.growLinks(r, n, links, b.hasNames());
                    double supplyShare = links == 0 ? 0.5 : b.supplyLinkCount() / (double) links;
                    b.ensureLinkCapacity(NetworkReadMemory.capacity(room * supplyShare, b.supplyLinkCount()), NetworkReadMemory.capacity(room * (1 - supplyShare), b.trustLinkCount()));
                    if (supplyLine.length < b.supplyCapacity()) supplyLine = Arrays.copyOf(supplyLine, b.supplyCapacity());
                    if (trustLine.length < b.trustCapacity()) trustLine = Arrays.copyOf(trustLine, b.trustCapacity());
                }
                boolean supply;
                if (r.is(cKind, "supply")) supply = true;
                else if (r.is(cKind, "trust")) supply = false;
                else throw r.error(cKind, null, "unknown link kind '" + CsvLines.echo(r.cell(cKind)) + "'; expected supply or trust");
                int source = firm(r, cSource, index);
                int target = firm(r, cTarget, index);
                if (source == target) throw r.error(cTarget, null, "a link from firm " + b.firmIds()[source] + " to itself");
                if (supply) {
                    if (!r.isEmpty(cType)) throw r.error(cType, null, "only trust links have a type; leave it empty for supply links");
                    float share = Float.NaN;
                    if (!r.isEmpty(cShare)) {
                        share = r.floatNumber(cShare, null);
                        if (!(share >= 0 && share <= 1)) throw r.error(cShare, null, "share " + CsvLines.echo(r.cell(cShare).trim()) + " is not between 0 and 1 (the fraction of the buyer's inputs)");
                        shareSum[target] += share;
                        if (shareSum[target] > 1 + SHARE_SUM_TOLERANCE) {
                            throw r.error(cShare, null, "the shares of firm " + b.firmIds()[target] + "'s suppliers add up to " + (float) shareSum[target]
                                    + " by this row; they may add up to at most 1");
                        }
                    } else {
                        emptyShares[target]++;
                    }
                    float days = defDays, sub = defSub;
                    if (!r.isEmpty(cDays)) {
                        days = r.floatNumber(cDays, null);
                        if (!(days >= 0)) throw r.error(cDays, null, "must be at least 0 days, found " + CsvLines.echo(r.cell(cDays).trim()));
                    }
                    if (!r.isEmpty(cSub)) {
                        sub = r.floatNumber(cSub, null);
                        if (!(sub >= 0 && sub <= 1)) throw r.error(cSub, null, "must be a share between 0 and 1, found " + CsvLines.echo(r.cell(cSub).trim()));
                    }
                    int e = b.supplyLinkCount();
                    b.addSupply(source, target, share, days, sub);
                    if (e == supplyLine.length) supplyLine = Arrays.copyOf(supplyLine, e + (e >> 1) + 16);
                    supplyLine[e] = r.line();
                } else {
                    if (r.isEmpty(cType)) throw r.error(cType < 0 ? cKind : cType, "type", "a trust link needs a type: " + String.join(", ", Labelled.labels(TrustType.class)));
                    TrustType type = label(r, cType, TrustType.class, "trust type");
                    for (int c : new int[] {cShare, cDays, cSub}) {
                        if (!r.isEmpty(c)) throw r.error(c, null, "only supply links have a share and substitution; leave it empty for trust links");
                    }
                    int e = b.trustLinkCount();
                    b.addTrust(source, target, type);
                    if (e == trustLine.length) trustLine = Arrays.copyOf(trustLine, e + (e >> 1) + 16);
                    trustLine[e] = r.line();
                }
            }
            digest = r.digest();
        }
        // empty shares split what the buyer's given shares leave
        for (int e = 0; e < b.supplyLinkCount(); e++) {
            if (Double.isNaN(b.supplyWeight(e))) {
                int buyer = b.supplyBuyer(e);
                b.setSupplyWeight(e, Math.max(0.0, 1.0 - shareSum[buyer]) / emptyShares[buyer]);
            }
        }
        return new LinkLines(supplyLine, trustLine, digest);
    }

    private static int firm(CsvLines r, int c, FirmIndex index) throws BadInputException {
        long id = r.nonNegativeLong(c, null);
        int f = index.indexOf(id);
        if (f < 0) throw r.error(c, null, "unknown firm id " + id + " (not in the firms file)");
        return f;
    }

    private static <E extends Enum<E> & Labelled> E label(CsvLines r, int c, Class<E> type, String what) throws BadInputException {
        for (E e : type.getEnumConstants()) if (r.is(c, e.label())) return e;
        String v = r.cell(c).trim();
        for (E e : type.getEnumConstants()) if (e.label().equals(v)) return e;
        List<String> labels = Labelled.labels(type);
        String s = Suggest.closest(v, labels);
        throw r.error(c, null, "unknown " + what + " '" + CsvLines.echo(v) + "'" + (s == null ? "" : " (did you mean '" + s + "'?)") + "; expected one of " + String.join(", ", labels));
    }

    /** Why the value is not allowed for the attribute, or null. */
    static String checkAttribute(FirmAttribute a, double v) {
        return switch (a) {
            case INSURED, CBI_COVERED -> v == 0 || v == 1 ? null : "must be 0 or 1, found " + NetworkCsvWriter.exact(v);
            case GL_ALPHA, GL_BETA -> v > 0 ? null : "must be greater than 0, found " + NetworkCsvWriter.exact(v);
            case GL_CLASS -> v == 1 || v == 2 ? null : "must be 1 or 2 (Gordon-Loeb breach function class), found " + NetworkCsvWriter.exact(v);
            default -> a.isShare() ? (v >= 0 && v <= 1 ? null : "must be a share between 0 and 1, found " + NetworkCsvWriter.exact(v))
                    : !(v >= 0) ? "must be at least 0, found " + NetworkCsvWriter.exact(v)
                    : a.label().endsWith("_yen") && v > Scenario.MAX_MONEY
                    ? "a money amount must be at most 1e15 (10^15 currency units, about twice Japan's GDP in yen), found " + v : null;
        };
    }


    /**
     * Sets each tier left empty to the length of the shortest supply path from the firm to a firm
     * that has no buyers (0 for those; 0 too where no such path exists). Breadth-first search
     * against the supply direction, O(firms + links).
     */
    private static void inferTiers(SupplyNetwork net) {
        int n = net.firmCount();
        int[] dist = new int[n];
        Arrays.fill(dist, -1);
        int[] queue = new int[n];
        int head = 0, tail = 0;
        for (int f = 0; f < n; f++) {
            if (net.customerCount(f) == 0) {
                dist[f] = 0;
                queue[tail++] = f;
            }
        }
        while (head < tail) {
            int f = queue[head++];
            for (int k = net.supplyInStart(f); k < net.supplyInEnd(f); k++) {
                int s = net.supplySupplier(net.supplyInEdge(k));
                if (dist[s] < 0) {
                    dist[s] = dist[f] + 1;
                    queue[tail++] = s;
                }
            }
        }
        for (int f = 0; f < n; f++) if (net.tier[f] < 0) net.tier[f] = Math.max(0, dist[f]);
    }
}
