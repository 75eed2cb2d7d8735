/**
 * Stats: summaries of samples of annual losses — means with confidence intervals, quantiles,
 * VaR/TVaR, paired differences, exceedance curves. Takes arrays of numbers; gives numbers.
 */
package weaklink.stats;
