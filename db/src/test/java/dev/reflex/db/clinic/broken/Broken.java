package dev.reflex.db.clinic.broken;

import jakarta.persistence.Entity;

/** An entity Hibernate rejects: it has no identifier. */
@Entity
class Broken {
  String name;
}
