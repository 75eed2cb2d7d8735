/**
 * Ground floor: the plumbing every stage may use to write and read files — WeakLink's CSV
 * conventions, the one JSON mapper, and atomic (write-then-rename) files — and the one rule by which
 * the stages' hot loops reuse their working buffers ({@link weaklink.io.Lender}). It knows nothing of
 * the model; it imports no other WeakLink package.
 */
package weaklink.io;
