/**
 * The Spark runner, built into {@code target/weaklink-spark.jar} for {@code spark-submit} (Spark
 * itself is provided by the cluster). Takes a scenario; computes blocks of replicates as Spark
 * tasks with the same code as a local run, and writes the same results folder on the driver.
 */
package weaklink.cluster.spark;
