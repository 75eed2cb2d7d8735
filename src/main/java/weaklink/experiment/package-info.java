/**
 * Experiment: replicates × policies with common random numbers, seeding, threads, shards,
 * checkpoints and resume, early stopping on a target confidence interval. Takes a run plan; gives a results folder with manifest.json,
 * replicates.csv (streamed in replicate order) and accumulators.json (exact, mergeable sums).
 */
package weaklink.experiment;
