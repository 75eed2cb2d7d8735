/**
 * Model: one replicate as a MASON SimState — campaigns (agents), compromises, lateral movement
 * over trust links, detection, outages and recovery, all driven by its Schedule. Takes the
 * network (with its {@link weaklink.model.AttackSurface}), the scenario's actors, each firm's
 * posture and the replicate's random streams; gives a {@link weaklink.model.ReplicateRecord}, and
 * each firm's {@link weaklink.model.FirmStatus} day by day for a display. Knows nothing of money,
 * files or charts.
 */
package weaklink.model;
