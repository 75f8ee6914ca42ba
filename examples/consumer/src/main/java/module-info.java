/**
 * The consumer as a named module: it reads the library's module, and sees only what it exports.
 * {@code ./run} compiles the README's example with this file (module path) and without it (class
 * path).
 */
module org.example.ngo.consumer {
  requires org.shgledger.core;
}
