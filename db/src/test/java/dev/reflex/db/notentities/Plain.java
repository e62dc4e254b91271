package dev.reflex.db.notentities;

/** A package with no entity in it. */
final class Plain {
  private Plain() {}
}
