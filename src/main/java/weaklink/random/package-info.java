/**
 * Ground floor: randomness. Keyed, counter-based streams seeded from (master seed, replicate,
 * stream), which make policy comparisons paired (common random numbers) and results
 * independent of threads and shards. It imports no other WeakLink package.
 */
package weaklink.random;
