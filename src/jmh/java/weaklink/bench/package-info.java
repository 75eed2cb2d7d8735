/**
 * JMH benchmarks of the hot paths (docs/BENCHMARKS.md, "JMH"): network build, one replicate, the
 * CBI cascade and the loss model, and the statistics of a run's summary. A test source folder of
 * the Maven profile {@code bench} only ({@code mvn -B -Pbench verify}); never in the default build.
 * Set-ups go through the project's real code: the shipped scenarios, {@code Networks.build},
 * {@code ReplicateEngine}. The propagation benchmark lives in {@code weaklink.model}, beside the
 * test networks it reuses.
 */
package weaklink.bench;
