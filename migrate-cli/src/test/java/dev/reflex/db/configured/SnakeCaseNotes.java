package dev.reflex.db.configured;

import dev.reflex.orm.hibernate.HibernateConfigurer;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.hibernate.cfg.Configuration;

/**
 * An application's declared configurer: it registers its entity and names columns in snake case, so a revision
 * without {@code --entities} shows both were used. Declared only in the service file the test writes.
 */
public final class SnakeCaseNotes implements HibernateConfigurer {
  @Override
  public void configure(Configuration configuration) {
    configuration.addAnnotatedClass(ClinicNote.class);
    configuration.setPhysicalNamingStrategy(new PhysicalNamingStrategySnakeCaseImpl());
  }
}

@Entity
class ClinicNote {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Integer id;

  String noteText;
}
