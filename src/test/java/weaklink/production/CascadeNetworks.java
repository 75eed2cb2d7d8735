package weaklink.production;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import weaklink.network.FirmAttribute;
import weaklink.network.NetworkBuilder;
import weaklink.scenario.FirmDefaults;
import weaklink.scenario.Role;
import weaklink.scenario.SizeClass;

/** Small hand-built supply networks for the cascade and loss tests. */
public final class CascadeNetworks {
    private CascadeNetworks() {}

    public static NetworkBuilder builder() {
        Map<SizeClass, FirmDefaults> d = new EnumMap<>(SizeClass.class);
        for (SizeClass s : SizeClass.values()) d.put(s, FirmDefaults.builtIn(s));
        return new NetworkBuilder(d, List.of(), 16);
    }

    /**
     * Adds a firm with round numbers: revenue {@code 365 × 4} (daily value added 1 at a value-added
     * share of 1/4), no inventory, no workaround or manual operation, uninsured, incident cost 10, never pays ransom.
     */
    public static int firm(NetworkBuilder b, int tier) {
        int f = b.addFirm(b.firmCount(), tier, SizeClass.MEDIUM, Role.MANUFACTURER);
        b.setAttribute(f, FirmAttribute.REVENUE_YEN, 365 * 4);
        b.setAttribute(f, FirmAttribute.VALUE_ADDED_SHARE, 0.25);
        b.setAttribute(f, FirmAttribute.INVENTORY_DAYS, 0);
        b.setAttribute(f, FirmAttribute.WORKAROUND_SHARE, 0);
        b.setAttribute(f, FirmAttribute.MANUAL_OPERATION_SHARE, 0);
        b.setAttribute(f, FirmAttribute.MANUAL_OPERATION_DAYS, 0);
        b.setAttribute(f, FirmAttribute.INSURED, 0);
        b.setAttribute(f, FirmAttribute.INCIDENT_FIXED_YEN, 10);
        b.setAttribute(f, FirmAttribute.INCIDENT_REVENUE_SHARE, 0);
        b.setAttribute(f, FirmAttribute.RANSOM_PROPENSITY, 0);
        b.setAttribute(f, FirmAttribute.RECORDS, 0);
        return f;
    }

    /** {@link #firm(NetworkBuilder, int)} making a product of {@code sector}. */
    public static int firm(NetworkBuilder b, int tier, String sector) {
        int f = firm(b, tier);
        b.setSector(f, sector);
        return f;
    }
}
