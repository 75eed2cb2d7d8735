/**
 * Economics: Gordon–Loeb investment, cost-sharing policies (who pays for whose security) and
 * losses. Takes the network and the scenario (before a run: investment and posture) and each
 * replicate's record (after it: losses by component and by group).
 */
package weaklink.economics;
