/**
 * The shelf as a named module, as docs/hibernate.md writes one: Surefire 3 runs its tests on the module path (its
 * default), with reflex-orm-test, a test-scoped dependency that this descriptor does not name, on the class path.
 */
module shelf {
  requires dev.reflex.orm.hibernate;
  opens shelf to org.hibernate.orm.core;
}
