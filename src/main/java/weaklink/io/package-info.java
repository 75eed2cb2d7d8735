/**
 * Ground floor: the plumbing every stage may use to write and read files — WeakLink's CSV
 * conventions, the one JSON mapper, and atomic (write-then-rename) files. It knows nothing of
 * the model; it imports no other WeakLink package.
 */
package weaklink.io;
