package dev.reflex.db.clinic.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The clinic model, v2: v1 with a birth date on pets (a field added).
 */
final class Clinic {
  private Clinic() {}
}

// Integer, as in Spring's petclinic: Hibernate 7.4's SQLite dialect creates a Long identity column as integer
// and then fails its own validation of it (found integer, expecting bigint), whoever made the schema
@MappedSuperclass
class BaseEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Integer id;
}

@MappedSuperclass
class NamedEntity extends BaseEntity {
  @Column(length = 80, nullable = false)
  String name;
}

@MappedSuperclass
class Person extends BaseEntity {
  @Column(name = "first_name", length = 30, nullable = false)
  String firstName;

  @Column(name = "last_name", length = 30, nullable = false)
  String lastName;
}

@Embeddable
class Address {
  @Column(length = 255)
  String street;

  @Column(length = 80)
  String city;
}

enum VisitStatus { BOOKED, DONE, CANCELLED }

@Entity
@Table(name = "owners", indexes = @Index(name = "ix_owners_last_name", columnList = "last_name"))
class Owner extends Person {
  @Embedded
  Address address;

  @Column(length = 20)
  String telephone;

  @OneToMany(mappedBy = "owner")
  List<Pet> pets = new ArrayList<>();
}

@Entity
@Table(name = "types", uniqueConstraints = @UniqueConstraint(name = "uk_types_name", columnNames = "name"))
class PetType extends NamedEntity {}

@Entity
@Table(name = "pets")
class Pet extends NamedEntity {
  @ManyToOne(optional = false)
  @JoinColumn(name = "type_id")
  PetType type;

  @ManyToOne(optional = false)
  @JoinColumn(name = "owner_id")
  Owner owner;

  @OneToMany(mappedBy = "pet")
  List<Visit> visits = new ArrayList<>();

  @Column(name = "birth_date")
  LocalDate birthDate;
}

@Entity
@Table(name = "visits")
class Visit extends BaseEntity {
  @Column(name = "visit_date", nullable = false)
  LocalDate date;

  @Column(length = 255)
  String description;

  @Enumerated(EnumType.STRING)
  @Column(length = 20, nullable = false)
  VisitStatus status;

  @ManyToOne(optional = false)
  @JoinColumn(name = "pet_id")
  Pet pet;
}

@Entity
@Table(name = "specialties")
class Specialty extends NamedEntity {}

@Entity
@Table(name = "vets")
class Vet extends Person {
  @ManyToMany
  @JoinTable(name = "vet_specialties", joinColumns = @JoinColumn(name = "vet_id"),
      inverseJoinColumns = @JoinColumn(name = "specialty_id"))
  Set<Specialty> specialties = new HashSet<>();
}
