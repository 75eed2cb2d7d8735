/**
 * Network: the firm-level supply network as compact CSR arrays ({@link weaklink.network.SupplyNetwork}),
 * its generators and its CSV import/export. Takes a scenario and a seed; gives an immutable network.
 */
package weaklink.network;
