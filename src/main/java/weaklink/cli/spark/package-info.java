/**
 * The command line of the Spark runner, the Main-Class of {@code target/weaklink-spark.jar} (built
 * there only, since the runner needs Spark): parses the options and calls
 * {@link weaklink.cluster.spark.SparkRun}.
 */
package weaklink.cli.spark;
