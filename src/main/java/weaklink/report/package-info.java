/**
 * Report: turns a results folder's replicate rows and sums into summary.csv and the other tables,
 * charts and report.html. Takes a results folder; knows nothing of MASON.
 */
package weaklink.report;
