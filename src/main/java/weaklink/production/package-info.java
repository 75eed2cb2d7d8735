/**
 * Production: how outages stop production downstream (contingent business interruption, after
 * Inoue &amp; Todo 2019). Takes the network (firms' sectors, supply links and inventories), the
 * scenario's production settings and the own shortfalls of firms with outages; gives each reached
 * firm's lost production in days-equivalent, per event. Between {@code model} and
 * {@code economics}: economics prices what this computes, and firms' decisions ask it for their
 * expected exposure ({@link weaklink.production.CbiExposure}).
 */
package weaklink.production;
