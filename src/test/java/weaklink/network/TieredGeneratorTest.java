package weaklink.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import weaklink.scenario.BadInputException;
import weaklink.scenario.Role;
import weaklink.scenario.Scenario;
import weaklink.scenario.ScenarioLoader;
import weaklink.scenario.SizeClass;
import weaklink.scenario.TrustType;

class TieredGeneratorTest {
    static final String BASE = """
            name: gen
            network:
              generator:
                tiers:
                  - firms: 20
                  - firms: 300
                    suppliers_per_buyer: 12
                    size_mix: {large: 0.1, medium: 0.6, small: 0.3}
                  - firms: 3000
                    suppliers_per_buyer: 6
                    size_mix: {small: 0.5, micro: 0.5}
                    revenue_yen: 1000000
                attachment: 1.0
                shared_supplier_share: 0.3
                trust_probability: {edi: 0.3, remote-access: 0.05}
                reverse_trust_probability: {edi: 0.1}
                msp_firms: 10
                msp_clients_mean: 40
                logistics_firms: 5
                logistics_clients_mean: 12
            actors:
              - mode: opportunistic
            """;

    static Scenario scenario(String yaml) throws BadInputException {
        return ScenarioLoader.parse("gen.yaml", yaml, Path.of("."));
    }

    static SupplyNetwork generate(String yaml, long seed) throws BadInputException {
        return TieredGenerator.generate(scenario(yaml), seed);
    }

    @Test
    void firmCountsPerTierFollowTheScenario() throws Exception {
        SupplyNetwork net = generate(BASE, 1);
        int[] byTier = new int[3];
        int msp = 0, logistics = 0;
        for (int f = 0; f < net.firmCount(); f++) {
            if (net.role(f) == Role.IT_SERVICE) msp++;
            else if (net.role(f) == Role.LOGISTICS) logistics++;
            else byTier[net.tier(f)]++;
        }
        assertArrayEquals(new int[] {20, 300, 3000}, byTier);
        assertEquals(10, msp);
        assertEquals(5, logistics);
        assertEquals(3335, net.firmCount());
    }

    @Test
    void sizeClassesAreDrawnFromTheTiersMix() throws Exception {
        SupplyNetwork net = generate(BASE, 1);
        int[] tier2 = new int[SizeClass.values().length];
        for (int f = 0; f < net.firmCount(); f++) if (net.tier(f) == 2 && net.role(f) == Role.MANUFACTURER) tier2[net.sizeClass(f).ordinal()]++;
        assertEquals(0, tier2[SizeClass.LARGE.ordinal()] + tier2[SizeClass.MEDIUM.ordinal()]);
        // binomial(3000, 0.5): 4 standard deviations are about 110
        assertEquals(1500, tier2[SizeClass.SMALL.ordinal()], 110);
        for (int f = 0; f < net.firmCount(); f++) if (net.tier(f) == 0) assertEquals(SizeClass.LARGE, net.sizeClass(f));
    }

    @Test
    void aTiersRevenueDistributionOverridesTheSizeClasses() throws Exception {
        SupplyNetwork net = generate(BASE, 1);
        for (int f = 0; f < net.firmCount(); f++) {
            if (net.tier(f) == 2 && net.role(f) == Role.MANUFACTURER) assertEquals(1_000_000, net.revenueYen(f));
        }
        assertTrue(net.revenueYen(0) != 1_000_000);
    }

    @Test
    void sameSeedGivesTheSameNetworkAndAnotherSeedAnother() throws Exception {
        SupplyNetwork a = generate(BASE, 5), b = generate(BASE, 5), c = generate(BASE, 6);
        assertArrayEquals(a.supplyBuyer, b.supplyBuyer);
        assertArrayEquals(a.supplyShare, b.supplyShare);
        assertArrayEquals(a.trustTargetAndType, b.trustTargetAndType);
        assertArrayEquals(a.sizeClass, b.sizeClass);
        assertArrayEquals(a.column(FirmAttribute.REVENUE_YEN), b.column(FirmAttribute.REVENUE_YEN));
        assertFalse(java.util.Arrays.equals(a.supplyBuyer, c.supplyBuyer));
    }

    @Test
    void supplyLinksRunOneTierUpAndEverySupplierHasABuyer() throws Exception {
        SupplyNetwork net = generate(BASE, 2);
        for (int f = 0; f < net.firmCount(); f++) {
            if (net.tier(f) > 0) assertTrue(net.customerCount(f) >= 1 || net.role(f) == Role.IT_SERVICE, "firm " + f + " sells to no one");
            if (net.role(f) != Role.MANUFACTURER) continue;
            for (int e = net.supplyOutStart(f); e < net.supplyOutEnd(f); e++) assertEquals(net.tier(f) - 1, net.tier(net.supplyBuyer(e)));
        }
    }

    @Test
    void eachBuyersSharesAddUpToOne() throws Exception {
        SupplyNetwork net = generate(BASE, 3);
        for (int b = 0; b < net.firmCount(); b++) {
            if (net.supplierCount(b) == 0) continue;
            double sum = 0;
            for (int k = net.supplyInStart(b); k < net.supplyInEnd(b); k++) sum += net.supplyShare(net.supplyInEdge(k));
            assertEquals(1.0, sum, 1e-5);
        }
    }

    @Test
    void thereAreNoDuplicateOrSelfLinks() throws Exception {
        SupplyNetwork net = generate(BASE, 4);
        for (int s = 0; s < net.firmCount(); s++) {
            Set<Integer> buyers = new HashSet<>();
            for (int e = net.supplyOutStart(s); e < net.supplyOutEnd(s); e++) {
                assertTrue(buyers.add(net.supplyBuyer(e)), "duplicate supply link from " + s);
                assertTrue(net.supplyBuyer(e) != s);
            }
            Set<Long> targets = new HashSet<>();
            for (int e = net.trustOutStart(s); e < net.trustOutEnd(s); e++) {
                assertTrue(targets.add((long) net.trustTarget(e) * 8 + net.trustTypeOrdinal(e)), "duplicate trust link from " + s);
                assertTrue(net.trustTarget(e) != s);
            }
        }
    }

    @Test
    void meanSuppliersPerBuyerFollowsTheFanIn() throws Exception {
        SupplyNetwork net = generate(BASE, 5);
        long tier1Links = 0;
        for (int b = 0; b < 20; b++) {
            for (int k = net.supplyInStart(b); k < net.supplyInEnd(b); k++) if (net.tier(net.supplySupplier(net.supplyInEdge(k))) == 1 && net.role(net.supplySupplier(net.supplyInEdge(k))) == Role.MANUFACTURER) tier1Links++;
        }
        // 20 buyers x Poisson(12) draws plus the fallback links of suppliers nobody picked (at most 300)
        assertTrue(tier1Links >= 20 * 12 - 4 * Math.sqrt(20 * 12), "tier-1 links " + tier1Links);
        assertTrue(tier1Links <= 300 + 20 * 12, "tier-1 links " + tier1Links);
    }

    @Test
    void trustLinksAreDrawnPerRelationshipWithTheirProbabilities() throws Exception {
        SupplyNetwork net = generate(BASE, 6);
        long relationships = 0, forwardEdi = 0, forwardRemote = 0;
        for (int s = 0; s < net.firmCount(); s++) {
            if (net.role(s) != Role.MANUFACTURER) continue;
            relationships += net.customerCount(s);
            for (int e = net.trustOutStart(s); e < net.trustOutEnd(s); e++) {
                int t = net.trustTarget(e);
                if (net.tier(t) != net.tier(s) - 1) continue; // reverse links point down
                if (net.trustType(e) == TrustType.EDI) forwardEdi++;
                if (net.trustType(e) == TrustType.REMOTE_ACCESS) forwardRemote++;
            }
        }
        // remote access (0.05) wins over edi when both fire: P(edi only) = 0.3 * 0.95
        double pEdi = 0.3 * 0.95, pRemote = 0.05;
        assertEquals(relationships * pEdi, forwardEdi, 4 * Math.sqrt(relationships * pEdi * (1 - pEdi)));
        assertEquals(relationships * pRemote, forwardRemote, 4 * Math.sqrt(relationships * pRemote * (1 - pRemote)));
    }

    @Test
    void mspsHoldManagedServiceAccessIntoManyClients() throws Exception {
        SupplyNetwork net = generate(BASE, 7);
        long clients = 0;
        for (int f = 0; f < net.firmCount(); f++) {
            if (net.role(f) != Role.IT_SERVICE) continue;
            for (int e = net.trustOutStart(f); e < net.trustOutEnd(f); e++) {
                assertEquals(TrustType.MANAGED_SERVICE, net.trustType(e));
                clients++;
            }
        }
        // 10 MSPs x Poisson(40): sd sqrt(400) = 20
        assertEquals(400, clients, 80);
    }

    @Test
    void preferentialAttachmentMakesHubsThatUniformChoiceDoesNot() throws Exception {
        String hubs = BASE.replace("attachment: 1.0", "attachment: 10").replace("shared_supplier_share: 0.3", "shared_supplier_share: 1.0");
        String uniform = BASE.replace("attachment: 1.0", "attachment: 0").replace("shared_supplier_share: 0.3", "shared_supplier_share: 1.0");
        int[] withHubs = tier2Customers(generate(hubs, 8)), without = tier2Customers(generate(uniform, 8));
        // the same number of picks (300 buyers x Poisson(6)), very different tails
        assertTrue(max(without) <= 10, "uniform max " + max(without));
        assertTrue(max(withHubs) >= 5 * max(without), "hub max " + max(withHubs) + " vs uniform max " + max(without));
    }

    @Test
    void largerBuyersTakeMoreSuppliersWithAFanInRevenueElasticity() throws Exception {
        String elastic = BASE.replace("attachment: 1.0", "attachment: 1.0\n    fan_in_revenue_elasticity: 1.0");
        double[] ratio = {suppliersOfLargerVersusSmallerHalf(generate(BASE, 10)), suppliersOfLargerVersusSmallerHalf(generate(elastic, 10))};
        // tier-1 buyers take Poisson(6) suppliers: without elasticity the halves take about the same
        assertEquals(1.0, ratio[0], 0.1);
        assertTrue(ratio[1] > 2, "larger/smaller half supplier ratio " + ratio[1]);
    }

    @Test
    void withSizeByDegreeTheHubsAreTheLargestFirmsOfTheirTier() throws Exception {
        String plainYaml = BASE.replace("attachment: 1.0", "attachment: 5").replace("shared_supplier_share: 0.3", "shared_supplier_share: 0.8");
        SupplyNetwork net = generate(plainYaml.replace("attachment: 5", "attachment: 5\n    size_by_degree: true"), 11), plain = generate(plainYaml, 11);
        int[] tier1 = java.util.stream.IntStream.range(0, net.firmCount()).filter(f -> net.tier(f) == 1 && net.role(f) == Role.MANUFACTURER).toArray();
        for (int a : tier1) {
            for (int b : tier1) {
                if (net.customerCount(a) > net.customerCount(b)) assertTrue(net.revenueYen(a) >= net.revenueYen(b), a + " vs " + b);
            }
        }
        // the drawn sizes are only handed out in another order
        assertArrayEquals(java.util.Arrays.stream(tier1).mapToDouble(plain::revenueYen).sorted().toArray(),
                java.util.Arrays.stream(tier1).mapToDouble(net::revenueYen).sorted().toArray());
        assertArrayEquals(java.util.Arrays.stream(tier1).map(f -> plain.sizeClass(f).ordinal()).sorted().toArray(),
                java.util.Arrays.stream(tier1).map(f -> net.sizeClass(f).ordinal()).sorted().toArray());
    }

    private static double suppliersOfLargerVersusSmallerHalf(SupplyNetwork net) {
        int[] tier1 = java.util.stream.IntStream.range(0, net.firmCount()).filter(f -> net.tier(f) == 1 && net.role(f) == Role.MANUFACTURER)
                .boxed().sorted(java.util.Comparator.comparingDouble(net::revenueYen)).mapToInt(Integer::intValue).toArray();
        long small = 0, large = 0;
        for (int i = 0; i < tier1.length; i++) {
            int tierTwoSuppliers = 0;
            for (int k = net.supplyInStart(tier1[i]); k < net.supplyInEnd(tier1[i]); k++) if (net.tier(net.supplySupplier(net.supplyInEdge(k))) == 2) tierTwoSuppliers++;
            if (i < tier1.length / 2) small += tierTwoSuppliers;
            else large += tierTwoSuppliers;
        }
        return (double) large / small;
    }

    @Test
    void expectedLinkCountsAreCloseToTheGeneratedOnes() throws Exception {
        Scenario s = scenario(BASE);
        SupplyNetwork net = TieredGenerator.generate(s, 9);
        long[] expected = TieredGenerator.expectedLinks(s.network().generator());
        assertEquals(net.supplyLinkCount(), expected[0], 0.15 * net.supplyLinkCount());
        assertEquals(net.trustLinkCount(), expected[1], 0.15 * net.trustLinkCount());
    }

    @Test
    void theShippedNationalScenarioHasAMillionFirmsAndAboutFiveMillionLinks() throws Exception {
        var spec = ScenarioLoader.load(Path.of("scenarios/japan-national.yaml")).network().generator();
        assertEquals(1_000_000, spec.totalFirms());
        long[] links = TieredGenerator.expectedLinks(spec);
        assertEquals(5_000_000, links[0] + links[1], 500_000);
    }

    @Test
    void aNetworkTooLargeForTheHeapIsRefusedBeforeItIsAllocated() throws Exception {
        String huge = BASE.replace("- firms: 3000", "- firms: 49000000");
        BadInputException e = assertThrows(BadInputException.class, () -> Networks.build(scenario(huge), 1));
        assertEquals("network.generator", e.key());
        assertTrue(e.problem().matches("(?s).*-Xmx\\d+g.*"), e.problem());
    }

    private static int[] tier2Customers(SupplyNetwork net) {
        return java.util.stream.IntStream.range(0, net.firmCount())
                .filter(f -> net.tier(f) == 2 && net.role(f) == Role.MANUFACTURER).map(net::customerCount).toArray();
    }

    private static int max(int[] a) { return java.util.Arrays.stream(a).max().orElse(0); }

    @Test
    void trustLinkTargetsAndTypesFitTheirPackedInt() {
        assertTrue(weaklink.scenario.NetworkSpec.MAX_FIRMS - 1 <= SupplyNetwork.TARGET_MASK, "every firm index fits below the type bits");
        assertTrue(TrustType.values().length <= 1 << (31 - SupplyNetwork.TYPE_SHIFT), "every type fits above them");
        int last = weaklink.scenario.NetworkSpec.MAX_FIRMS - 1, type = TrustType.values().length - 1;
        int packed = SupplyNetwork.packTrust(last, type);
        assertEquals(last, SupplyNetwork.trustTargetOf(packed));
        assertEquals(type, packed >>> SupplyNetwork.TYPE_SHIFT);
    }
}
