package bookshelf.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A book on the shelf: a plain Jakarta Persistence entity, no base class. */
@Entity
// the changelog's name: MariaDB on Linux tells "Book" from "book"
@Table(name = "book")
public class Book {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Integer id;
  private String title;
  private String flavour;

  protected Book() {}

  Book(String title, String flavour) {
    this.title = title;
    this.flavour = flavour;
  }

  @Override
  public String toString() {
    return id + " " + title + " (written by " + flavour + ")";
  }
}
