/**
 * GUI: the MASON console and network display for watching one replicate of a scenario. Takes a
 * scenario (its network, policies and model) and shows firms by tier, coloured by state, the
 * attack's routes, a live JFreeChart of compromised and down firms, and MASON inspectors on firms.
 * The model runs as in a batch run; nothing here feeds back into results.
 */
package weaklink.gui;
