/**
 * Economics, by stage: {@code decision} (firms' security investment as a best response),
 * {@code policy} (cost-sharing policies and who pays), and here the losses of a replicate —
 * direct, business interruption, the production cascade (CBI) and insurance. Takes each
 * replicate's record of compromises and outages; gives losses by component, group and firm.
 */
package weaklink.economics;
