/**
 * Model: one replicate as a MASON SimState — campaigns (agents), compromises, lateral movement
 * over trust links, detection and outages. Takes the network, the scenario's actors, each firm's
 * posture and the replicate's random streams; gives a {@link weaklink.model.ReplicateRecord}.
 * Knows nothing of money, files or charts.
 */
package weaklink.model;
