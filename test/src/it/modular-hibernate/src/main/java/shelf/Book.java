package shelf;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "book") // MariaDB and MySQL on Linux compare table names case-sensitively
public class Book {
  @Id
  private Integer id;
  private String title;

  protected Book() {}

  public Book(int id, String title) {
    this.id = id;
    this.title = title;
  }
}
