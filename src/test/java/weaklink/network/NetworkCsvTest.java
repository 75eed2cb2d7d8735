package weaklink.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weaklink.scenario.BadInputException;
import weaklink.scenario.Role;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;
import weaklink.scenario.SizeClass;
import weaklink.scenario.TrustType;

class NetworkCsvTest {
    static final String GENERATED = """
            name: gen
            network:
              technologies: {vpn-x: 0.3, mft-y: 0.1}
              generator:
                tiers:
                  - firms: 4
                  - firms: 30
                    suppliers_per_buyer: 8
                    size_mix: {medium: 0.5, small: 0.5}
                  - firms: 120
                    suppliers_per_buyer: 4
                    size_mix: {small: 0.5, micro: 0.5}
                trust_probability: {edi: 0.3, remote-access: 0.1}
                reverse_trust_probability: {edi: 0.1}
                msp_firms: 2
                msp_clients_mean: 15
                logistics_firms: 2
                logistics_clients_mean: 6
            actors:
              - mode: opportunistic
            """;

    @TempDir Path dir;

    static String fromFiles(String firms, String links) {
        return """
                name: imported
                network:
                  files: {firms: %s, links: %s}
                actors:
                  - mode: opportunistic
                """.formatted(firms, links);
    }

    private Scenario scenario(String yaml) throws Exception {
        Path f = dir.resolve("s-" + Math.abs(yaml.hashCode()) + ".yaml");
        Files.writeString(f, yaml);
        return ScenarioLoader.load(f);
    }

    private SupplyNetwork load(String firms, String links) throws Exception {
        Files.writeString(dir.resolve("firms.csv"), firms);
        Files.writeString(dir.resolve("links.csv"), links);
        return Networks.build(scenario(fromFiles("firms.csv", "links.csv")), 1);
    }

    private BadInputException refused(String firms, String links) {
        return assertThrows(BadInputException.class, () -> load(firms, links));
    }

    private static String[] export(SupplyNetwork net, Scenario s) throws Exception {
        StringWriter f = new StringWriter(), l = new StringWriter();
        NetworkCsvWriter.writeFirms(net, s.sizeClasses(), false, f);
        NetworkCsvWriter.writeLinks(net, s.economics().substitutionDays(), s.economics().substitutionShare(), false, l);
        return new String[] {f.toString(), l.toString()};
    }

    static final String FIRMS = "id,name,tier,size_class,role\n";
    static final String LINKS = "kind,source,target,type,share,substitution_days,substitution_share\n";

    @Test
    void exportImportExportGivesIdenticalFiles() throws Exception {
        Scenario gen = scenario(GENERATED);
        SupplyNetwork net = Networks.build(gen, 42);
        String[] first = export(net, gen);
        Files.writeString(dir.resolve("firms.csv"), first[0]);
        Files.writeString(dir.resolve("links.csv"), first[1]);
        Scenario imp = scenario(fromFiles("firms.csv", "links.csv").replace("network:\n", "network:\n  technologies: {vpn-x: 0.3, mft-y: 0.1}\n"));
        SupplyNetwork back = Networks.build(imp, 7);
        String[] second = export(back, imp);
        assertEquals(first[0], second[0]);
        assertEquals(first[1], second[1]);
    }

    @Test
    void importedNetworkEqualsTheExportedOneArrayByArray() throws Exception {
        Scenario gen = scenario(GENERATED);
        SupplyNetwork net = Networks.build(gen, 42);
        String[] files = export(net, gen);
        SupplyNetwork back = load(files[0], files[1]);
        assertEquals(net.firmCount(), back.firmCount());
        assertArrayEquals(net.firmId, back.firmId);
        assertArrayEquals(net.tier, back.tier);
        assertArrayEquals(net.sizeClass, back.sizeClass);
        assertArrayEquals(net.role, back.role);
        for (int f = 0; f < net.firmCount(); f++) assertEquals(net.sectorLabel(f), back.sectorLabel(f));
        for (FirmAttribute a : FirmAttribute.values()) assertArrayEquals(net.column(a), back.column(a), a.label());
        assertArrayEquals(net.supplyOutStart, back.supplyOutStart);
        assertArrayEquals(net.supplyBuyer, back.supplyBuyer);
        assertArrayEquals(net.supplyShare, back.supplyShare);
        assertArrayEquals(net.substitutionDays, back.substitutionDays);
        assertArrayEquals(net.trustOutStart, back.trustOutStart);
        assertArrayEquals(net.trustTargetAndType, back.trustTargetAndType); // targets and types
        for (int f = 0; f < net.firmCount(); f++) {
            for (int t = 0; t < net.technologies().size(); t++) {
                String tag = net.technologies().get(t);
                assertEquals(net.runs(f, t), back.technologyMask(f) != 0 && back.runs(f, back.technologies().indexOf(tag)));
            }
        }
    }

    @Test
    void allAttributeExportReimportsToTheSameBytes() throws Exception {
        Scenario gen = scenario(GENERATED);
        SupplyNetwork net = Networks.build(gen, 3);
        StringWriter f = new StringWriter(), l = new StringWriter();
        NetworkCsvWriter.writeFirms(net, gen.sizeClasses(), true, f);
        NetworkCsvWriter.writeLinks(net, 30, 0.5, true, l);
        SupplyNetwork back = load(f.toString(), l.toString());
        StringWriter f2 = new StringWriter(), l2 = new StringWriter();
        NetworkCsvWriter.writeFirms(back, gen.sizeClasses(), true, f2);
        NetworkCsvWriter.writeLinks(back, 30, 0.5, true, l2);
        assertEquals(f.toString(), f2.toString());
        assertEquals(l.toString(), l2.toString());
    }

    @Test
    void exactNumbersReadBackToTheSameBits() {
        double[] doubles = {0.1, 1e-8, 123456789012.0, 3.0e20, 0.30000000000000004, 5e-324, 1.7976931348623157e308};
        for (double x : doubles) {
            String s = NetworkCsvWriter.exact(x);
            assertTrue(s.indexOf('E') < 0, s);
            assertEquals(x, Double.parseDouble(s), s);
        }
        float[] floats = {0.1f, 1e-5f, 0.33333334f, 1.4e-45f, 12345678f, 1f};
        for (float x : floats) {
            String s = NetworkCsvWriter.exact(x);
            assertTrue(s.indexOf('E') < 0, s);
            assertEquals(x, Float.parseFloat(s), s);
        }
    }

    @Test
    void onlyTheIdColumnIsRequiredAndIsolatedFirmsAreAllowed() throws Exception {
        SupplyNetwork net = load("id\n10\n20\n30\n", LINKS + "supply,20,10,,0.5,,\n");
        assertEquals(3, net.firmCount());
        assertEquals(2, net.indexOf(30));
        assertEquals(-1, net.indexOf(15));
        assertEquals(SizeClass.SMALL, net.sizeClass(0));
        assertEquals(Role.MANUFACTURER, net.role(0));
        assertEquals(0, net.supplierCount(2) + net.customerCount(2));
    }

    @Test
    void emptyTiersAreInferredFromSupplyHopsToAFirmWithoutBuyers() throws Exception {
        SupplyNetwork net = load("id,tier\n1,\n2,\n3,\n4,7\n", LINKS + "supply,2,1,,,,\nsupply,3,2,,,,\nsupply,4,3,,,,\n");
        assertEquals(0, net.tier(0));
        assertEquals(1, net.tier(1));
        assertEquals(2, net.tier(2));
        assertEquals(7, net.tier(3));
    }

    @Test
    void emptySharesSplitWhatTheGivenSharesLeave() throws Exception {
        SupplyNetwork net = load("id\n1\n2\n3\n4\n", LINKS + "supply,2,1,,0.5,,\nsupply,3,1,,,,\nsupply,4,1,,,,\n");
        assertEquals(0.5, net.supplyShare(net.supplyOutStart(1)), 1e-7);
        assertEquals(0.25, net.supplyShare(net.supplyOutStart(2)), 1e-7);
        assertEquals(0.25, net.supplyShare(net.supplyOutStart(3)), 1e-7);
    }

    @Test
    void unsortedLargeIdsAreFoundByBinarySearch() throws Exception {
        SupplyNetwork net = load("id\n9000000000\n5\n700\n", LINKS + "trust,700,9000000000,managed-service,,,\n");
        assertEquals(0, net.indexOf(9_000_000_000L));
        assertEquals(1, net.indexOf(5));
        assertEquals(2, net.indexOf(700));
        assertEquals(-1, net.indexOf(6));
        assertEquals(TrustType.MANAGED_SERVICE, net.trustType(net.trustOutStart(2)));
        assertEquals(0, net.trustTarget(net.trustOutStart(2)));
    }

    @Test
    void byteOrderMarkAndCrlfLineEndsAreAccepted() throws Exception {
        SupplyNetwork net = load("\uFEFFid,name\r\n1,\"Kojima, Ltd\"\r\n2,Toyota\r\n", "\uFEFF" + LINKS.replace("\n", "\r\n") + "supply,1,2,,1,,\r\n");
        assertEquals("Kojima, Ltd", net.name(0));
        assertEquals("Toyota", net.name(1));
        assertEquals(1, net.supplyLinkCount());
    }

    @Test
    void formulaLikeNamesAreGuardedOnExportAndRestoredOnImport() throws Exception {
        SupplyNetwork net = load("id,name\n1,'=HYPERLINK(\"x\")\n", LINKS);
        assertEquals("=HYPERLINK(\"x\")", net.name(0));
        Scenario s = scenario(fromFiles("firms.csv", "links.csv"));
        assertTrue(export(net, s)[0].contains("\n1,\"'=HYPERLINK(\"\"x\"\")\","), export(net, s)[0]);
    }

    @Test
    void unknownFirmIdInALinkIsRefusedWithFileRowAndColumn() {
        BadInputException e = refused(FIRMS + "1,,0,large,\n2,,1,small,\n", LINKS + "supply,2,1,,0.5,,\nsupply,3,1,,0.5,,\n");
        assertTrue(e.file().endsWith("links.csv"), e.file());
        assertEquals(3, e.line());
        assertEquals(2, e.column());
        assertEquals("source", e.key());
        assertTrue(e.problem().contains("unknown firm id 3"), e.problem());
    }

    @Test
    void duplicateFirmIdIsRefusedNamingBothRows() {
        BadInputException e = refused("id\n5\n6\n5\n", LINKS);
        assertTrue(e.file().endsWith("firms.csv"), e.file());
        assertEquals(4, e.line());
        assertTrue(e.problem().contains("duplicate firm id 5 (first on line 2)"), e.problem());
    }

    @Test
    void negativeShareIsRefused() {
        BadInputException e = refused("id\n1\n2\n", LINKS + "supply,2,1,,-0.1,,\n");
        assertEquals(2, e.line());
        assertEquals("share", e.key());
        assertTrue(e.problem().contains("not between 0 and 1"), e.problem());
    }

    @Test
    void shareAboveOneIsRefused() {
        BadInputException e = refused("id\n1\n2\n", LINKS + "supply,2,1,,1.5,,\n");
        assertEquals("share", e.key());
        assertTrue(e.problem().contains("not between 0 and 1"), e.problem());
    }

    @Test
    void sharesOfOneBuyerAddingUpToMoreThanOneAreRefusedAtTheRowThatOverflows() {
        BadInputException e = refused("id\n1\n2\n3\n", LINKS + "supply,2,1,,0.7,,\nsupply,3,1,,0.7,,\n");
        assertEquals(3, e.line());
        assertTrue(e.problem().contains("add up to"), e.problem());
    }

    @Test
    void unknownTrustTypeIsRefusedWithASuggestion() {
        BadInputException e = refused("id\n1\n2\n", LINKS + "trust,1,2,remote_acess,,,\n");
        assertEquals(2, e.line());
        assertEquals(4, e.column());
        assertEquals("type", e.key());
        assertTrue(e.problem().contains("unknown trust type 'remote_acess' (did you mean 'remote-access'?)"), e.problem());
    }

    @Test
    void trustLinkWithoutTypeIsRefused() {
        BadInputException e = refused("id\n1\n2\n", LINKS + "trust,1,2,,,,\n");
        assertTrue(e.problem().contains("needs a type"), e.problem());
    }

    @Test
    void unknownLinkKindIsRefused() {
        BadInputException e = refused("id\n1\n2\n", LINKS + "suply,1,2,,0.5,,\n");
        assertEquals("kind", e.key());
        assertTrue(e.problem().contains("unknown link kind 'suply'"), e.problem());
    }

    @Test
    void duplicateSupplyLinkIsRefusedNamingTheFirstRow() {
        BadInputException e = refused("id\n1\n2\n3\n", LINKS + "supply,2,1,,0.3,,\nsupply,3,1,,0.3,,\nsupply,2,1,,0.3,,\n");
        assertEquals(4, e.line());
        assertTrue(e.problem().contains("duplicate supply link from firm 2 to firm 1 (first on line 2)"), e.problem());
    }

    @Test
    void duplicateTrustLinkIsRefusedButTwoTypesAreAllowed() throws Exception {
        assertEquals(2, load("id\n1\n2\n", LINKS + "trust,1,2,edi,,,\ntrust,1,2,remote-access,,,\n").trustLinkCount());
        BadInputException e = refused("id\n1\n2\n", LINKS + "trust,1,2,edi,,,\ntrust,2,1,edi,,,\ntrust,1,2,edi,,,\n");
        assertEquals(4, e.line());
        assertTrue(e.problem().contains("first on line 2"), e.problem());
    }

    @Test
    void selfLinkIsRefused() {
        BadInputException e = refused("id\n1\n2\n", LINKS + "supply,1,1,,0.5,,\n");
        assertTrue(e.problem().contains("to itself"), e.problem());
    }

    @Test
    void unknownSizeClassIsRefusedWithASuggestion() {
        BadInputException e = refused(FIRMS + "1,,0,larg,\n", LINKS);
        assertEquals(2, e.line());
        assertEquals(4, e.column());
        assertEquals("size_class", e.key());
        assertTrue(e.problem().contains("did you mean 'large'"), e.problem());
    }

    @Test
    void aFirmsSectorIsReadAndAnEmptyOneIsItsRolesLabel() throws Exception {
        SupplyNetwork net = load("id,role,sector\n1,manufacturer,seats\n2,logistics,\n3,,seats\n", LINKS);
        assertEquals("seats", net.sectorLabel(0));
        assertEquals("logistics", net.sectorLabel(1));
        assertEquals(net.sector(0), net.sector(2));
    }

    @Test
    void aSectorThatWouldNotReadBackIsRefused() {
        BadInputException e = refused("id,role,sector\n1,manufacturer,\" seats\"\n", LINKS);
        assertEquals(2, e.line());
        assertEquals("sector", e.key());
        assertTrue(e.problem().contains("space"), e.problem());
    }

    @Test
    void attributeOutOfRangeIsRefused() {
        BadInputException e = refused("id,vulnerability\n1,1.2\n", LINKS);
        assertEquals("vulnerability", e.key());
        assertTrue(e.problem().contains("between 0 and 1"), e.problem());
        BadInputException neg = refused("id,revenue_yen\n1,-5\n", LINKS);
        assertTrue(neg.problem().contains("at least 0"), neg.problem());
    }

    @Test
    void attributeOverridesTheSizeClassDefault() throws Exception {
        SupplyNetwork net = load("id,size_class,vulnerability\n1,micro,0.05\n2,micro,\n", LINKS);
        assertEquals(0.05, net.vulnerability(0));
        assertEquals(0.70, net.vulnerability(1));
    }

    @Test
    void nonNumericIdIsRefused() {
        BadInputException e = refused("id\nfirm-1\n", LINKS);
        assertEquals(2, e.line());
        assertEquals(1, e.column());
        assertTrue(e.problem().contains("not a non-negative integer"), e.problem());
    }

    @Test
    void nanShareIsRefused() {
        BadInputException e = refused("id\n1\n2\n", LINKS + "supply,2,1,,NaN,,\n");
        assertTrue(e.problem().contains("not a number"), e.problem());
    }

    @Test
    void unknownColumnIsRefusedWithASuggestion() {
        BadInputException e = refused("id,vulnerabilty\n1,0.5\n", LINKS);
        assertEquals(1, e.line());
        assertEquals(2, e.column());
        assertTrue(e.problem().contains("did you mean 'vulnerability'"), e.problem());
    }

    @Test
    void rowWithTooFewCellsIsRefused() {
        BadInputException e = refused("id,name,tier\n1,a\n", LINKS);
        assertEquals(2, e.line());
        assertTrue(e.problem().contains("2 cells but the header has 3"), e.problem());
    }

    @Test
    void invalidUtf8IsRefusedWithItsLine() throws Exception {
        Files.write(dir.resolve("firms.csv"), "id,name\n1,ok\n2,\u00ff\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(dir.resolve("links.csv"), LINKS);
        BadInputException e = assertThrows(BadInputException.class, () -> Networks.build(scenario(fromFiles("firms.csv", "links.csv")), 1));
        assertTrue(e.problem().contains("UTF-8"), e.problem());
        assertEquals(3, e.line());
    }

    @Test
    void missingFileIsBadInputNamingIt() throws Exception {
        Files.writeString(dir.resolve("links.csv"), LINKS);
        BadInputException e = assertThrows(BadInputException.class, () -> Networks.build(scenario(fromFiles("nope.csv", "links.csv")), 1));
        assertTrue(e.getMessage().contains("nope.csv"), e.getMessage());
        assertEquals("network.files", e.key());
    }

    @Test
    void filesAreResolvedRelativeToTheScenarioFile() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Files.writeString(sub.resolve("f.csv"), "id\n1\n");
        Files.writeString(sub.resolve("l.csv"), LINKS);
        Path yaml = sub.resolve("s.yaml");
        Files.writeString(yaml, fromFiles("f.csv", "l.csv"));
        assertEquals(1, Networks.build(ScenarioLoader.load(yaml), 1).firmCount());
    }
}
