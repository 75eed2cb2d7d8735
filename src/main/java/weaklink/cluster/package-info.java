/**
 * Cluster runners. Takes a scenario and a run's options; gives the same results folder as a local
 * run. {@link weaklink.cluster.SlurmScripts} writes a Slurm job array of shards ({@code run --shard})
 * and a merge job that depends on it; {@code weaklink.cluster.spark} runs replicates as Spark tasks
 * (in {@code weaklink-spark.jar} only, since it needs Spark).
 */
package weaklink.cluster;
