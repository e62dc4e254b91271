package dev.reflex.orm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflex.orm.DatabaseKind;
import dev.reflex.orm.InvalidUrlException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The URL table: every accepted form mapped to its exact JDBC URL, user and password; every bad one to its line. */
class UrlParserTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      sqlite:///reflex.db                                  | jdbc:sqlite:reflex.db                         | -     | -          | SQLITE
      sqlite:///data/app.db                                | jdbc:sqlite:data/app.db                       | -     | -          | SQLITE
      sqlite:////var/lib/app.db                            | jdbc:sqlite:/var/lib/app.db                   | -     | -          | SQLITE
      sqlite://                                            | jdbc:sqlite::memory:                          | -     | -          | SQLITE
      sqlite:///:memory:                                   | jdbc:sqlite::memory:                          | -     | -          | SQLITE
      sqlite+pysqlite:///app.db                            | jdbc:sqlite:app.db                            | -     | -          | SQLITE
      sqlite:///app.db?journal_mode=WAL                    | jdbc:sqlite:app.db?journal_mode=WAL           | -     | -          | SQLITE
      h2://                                                | jdbc:h2:mem:                                  | -     | -          | H2
      h2:///:memory:                                       | jdbc:h2:mem:                                  | -     | -          | H2
      h2:///data/app                                       | jdbc:h2:./data/app                            | -     | -          | H2
      h2:////tmp/app                                       | jdbc:h2:/tmp/app                              | -     | -          | H2
      h2:///data/app?MODE=PostgreSQL&AUTO_SERVER=TRUE      | jdbc:h2:./data/app;MODE=PostgreSQL;AUTO_SERVER=TRUE | - | -         | H2
      h2://sa:pw@db.local/app                              | jdbc:h2:tcp://db.local:9092/app               | sa    | pw         | H2
      postgresql://app:secret@db:5432/app                  | jdbc:postgresql://db:5432/app                 | app   | secret     | POSTGRESQL
      postgresql://app:secret@db/app                       | jdbc:postgresql://db:5432/app                 | app   | secret     | POSTGRESQL
      postgres://app@db/app                                | jdbc:postgresql://db:5432/app                 | app   | -          | POSTGRESQL
      postgresql+psycopg://app:pw@db:6543/app              | jdbc:postgresql://db:6543/app                 | app   | pw         | POSTGRESQL
      postgresql+psycopg2://app:pw@db/app                  | jdbc:postgresql://db:5432/app                 | app   | pw         | POSTGRESQL
      postgresql+asyncpg://app:pw@db/app                   | jdbc:postgresql://db:5432/app                 | app   | pw         | POSTGRESQL
      postgresql://db/app?sslmode=require&connectTimeout=5 | jdbc:postgresql://db:5432/app?sslmode=require&connectTimeout=5 | - | - | POSTGRESQL
      postgresql://app:p%40ss%3Aw%2Fd%25x%23y%3Fz@db/app   | jdbc:postgresql://db:5432/app                 | app   | p@ss:w/d%x#y?z | POSTGRESQL
      postgresql://app:a+b@db/app                          | jdbc:postgresql://db:5432/app                 | app   | a+b        | POSTGRESQL
      postgresql://us%40er:pw@db/app                       | jdbc:postgresql://db:5432/app                 | us@er | pw         | POSTGRESQL
      postgresql://app:pw@[::1]:5432/app                   | jdbc:postgresql://[::1]:5432/app              | app   | pw         | POSTGRESQL
      postgresql://app:pw@[2001:db8::7]/app                | jdbc:postgresql://[2001:db8::7]:5432/app      | app   | pw         | POSTGRESQL
      postgresql://app:pw@db                               | jdbc:postgresql://db:5432/                    | app   | pw         | POSTGRESQL
      postgresql://app:@db/app                             | jdbc:postgresql://db:5432/app                 | app   | ''         | POSTGRESQL
      postgresql://app:pw@db/app?application_name=ops@host1 | jdbc:postgresql://db:5432/app?application_name=ops@host1 | app | pw | POSTGRESQL
      postgresql://db/app?application_name=ops@host1       | jdbc:postgresql://db:5432/app?application_name=ops@host1 | - | - | POSTGRESQL
      postgresql://db:6543?application_name=ops@host1      | jdbc:postgresql://db:6543/?application_name=ops@host1 | - | -  | POSTGRESQL
      mariadb://root@db/test?connectionAttributes=by:ops@host1 | jdbc:mariadb://db:3306/test?connectionAttributes=by:ops@host1 | root | - | MARIADB
      postgresql://app:pa/ss@word@db/app                   | jdbc:postgresql://db:5432/app                 | app   | pa/ss@word | POSTGRESQL
      postgresql://app:p@ss/w#y@db/app?application_name=ops@host1 | jdbc:postgresql://db:5432/app?application_name=ops@host1 | app | p@ss/w#y | POSTGRESQL
      postgresql://app:p?w@db/app                          | jdbc:postgresql://db:5432/app                 | app   | p?w        | POSTGRESQL
      sqlite:///app.db?vfs=unix@x                          | jdbc:sqlite:app.db?vfs=unix@x                 | -     | -          | SQLITE
      mariadb://root:pw@127.0.0.1:3306/test                | jdbc:mariadb://127.0.0.1:3306/test            | root  | pw         | MARIADB
      mariadb://root@db/test                               | jdbc:mariadb://db:3306/test                   | root  | -          | MARIADB
      mysql://app:pw@db/app                                | jdbc:mariadb://db:3306/app                    | app   | pw         | MYSQL
      mysql+pymysql://app:pw@db/app?charset=utf8mb4        | jdbc:mariadb://db:3306/app?charset=utf8mb4    | app   | pw         | MYSQL
      mariadb+mariadbconnector://app:pw@[::1]/app          | jdbc:mariadb://[::1]:3306/app                 | app   | pw         | MARIADB
      jdbc:postgresql://db/app?user=app                    | jdbc:postgresql://db/app?user=app             | -     | -          | POSTGRESQL
      jdbc:h2:mem:test;DB_CLOSE_DELAY=-1                   | jdbc:h2:mem:test;DB_CLOSE_DELAY=-1            | -     | -          | H2
      jdbc:sqlite:app.db                                   | jdbc:sqlite:app.db                            | -     | -          | SQLITE
      JDBC:mariadb://db/app                                | JDBC:mariadb://db/app                         | -     | -          | MARIADB
      jdbc:oracle:thin:@db:1521/app                        | jdbc:oracle:thin:@db:1521/app                 | -     | -          | OTHER
      '  postgresql://app@db/app  '                        | jdbc:postgresql://db:5432/app                 | app   | -          | POSTGRESQL
      """)
  void parsesEachAcceptedForm(String url, String jdbcUrl, String user, String password, DatabaseKind kind) {
    DatabaseUrl parsed = UrlParser.parse(url);
    assertThat(parsed.jdbcUrl()).isEqualTo(jdbcUrl);
    assertThat(parsed.user()).isEqualTo(user);
    assertThat(parsed.password()).isEqualTo(password);
    assertThat(parsed.kind()).isEqualTo(kind);
    if (password != null && !password.isEmpty()) {
      assertThat(parsed.toString()).doesNotContain(password).contains(Secrets.MASK);
      assertThat(parsed.jdbcUrl()).doesNotContain(password);
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      ''                                     | The database URL is empty: set REFLEX_DB_URL to a URL such as
      '   '                                  | The database URL is empty
      reflex.db                              | Database URL "reflex.db" is not a database URL: write it as scheme://...
      localhost:5432/app                     | Database URL "localhost:5432/app" is not a database URL
      oracle://app:pw@db/app                 | Database URL "oracle://app:***@db/app" has the unknown scheme "oracle": use postgresql://
      mongodb://db/app                       | has the unknown scheme "mongodb"
      postgresql:///app                      | Database URL "postgresql:///app" has no host: write scheme://user:password@host:port/database
      mariadb://app:pw@/app                  | Database URL "mariadb://app:***@/app" has no host
      postgresql://app:pw@db:abc/app         | Database URL "postgresql://app:***@db:abc/app" has the port "abc": a port is a whole number from 1 to 65535
      postgresql://db:0/app                  | has the port "0": a port is a whole number from 1 to 65535
      mariadb://db:70000/app                 | has the port "70000"
      postgresql://app:pw@[::1/app           | has an IPv6 host without its closing ']'
      postgresql://app:pw@[::1]x/app         | has text after the IPv6 host
      postgresql+pymysql://app:pw@db/app     | Database URL "postgresql+pymysql://app:***@db/app" names the MySQL/MariaDB driver "pymysql" for a postgresql database: fix the scheme, or drop "+pymysql"
      mysql+psycopg2://app:pw@db/app         | names the PostgreSQL driver "psycopg2" for a mysql database
      sqlite+asyncpg:///app.db               | names the PostgreSQL driver "asyncpg" for a sqlite database
      sqlite://host/app.db                   | has a host, but SQLite is a file: write sqlite:///relative.db
      sqlite:///                             | names no file
      h2:///                                 | names no file: write h2:///relative/path
      postgresql://app:p%zzw@db/app          | has a malformed percent-escape in the password: write % as %25
      postgresql://app:SECRET                | Database URL "postgresql://app:***" has a port that is not a number, or a password without @host
      app:SECRET@db:5432/app                 | Database URL "app:***@db:5432/app" is not a database URL
      postgresql//app:SECRET@db/app          | Database URL "postgresql//app:***@db/app" is not a database URL
      """)
  void rejectsABadUrlWithOneLine(String url, String message) {
    assertThatThrownBy(() -> UrlParser.parse(url)).isInstanceOf(InvalidUrlException.class)
        .hasMessageContaining(message).hasMessageNotContaining("\n").hasNoCause();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', textBlock = """
      postgresql://app:SECRET-1@db/app              | postgresql://app:***@db/app
      postgresql://app:S%40CRET@db/app?ssl=true     | postgresql://app:***@db/app?ssl=true
      postgresql://app:pa/ss@word@db/app            | postgresql://app:***@db/app
      jdbc:postgresql://db/app?user=a&password=SECRET | jdbc:postgresql://db/app?user=a&password=***
      jdbc:h2:tcp://db/app;USER=sa;PASSWORD=SECRET  | jdbc:h2:tcp://db/app;USER=sa;PASSWORD=***
      jdbc:mariadb://db/app?pwd=SECRET&ssl=true     | jdbc:mariadb://db/app?pwd=***&ssl=true
      postgresql://app@db/app                       | postgresql://app@db/app
      postgresql://app:SECRET@db/app?application_name=ops@host1 | postgresql://app:***@db/app?application_name=ops@host1
      postgresql://db/app?application_name=ops@host1 | postgresql://db/app?application_name=ops@host1
      app:SECRET@db:5432/app                        | app:***@db:5432/app
      postgresql//app:SECRET@db/app                 | postgresql//app:***@db/app
      postgresql://app:SECRET                       | postgresql://app:***
      localhost:5432/app                            | localhost:5432/app
      jdbc:oracle:thin:app/SECRET@db:1521/xe        | jdbc:oracle:thin:app/***@db:1521/xe
      jdbc:oracle:thin:@db:1521/xe                  | jdbc:oracle:thin:@db:1521/xe
      jdbc:postgresql://app:SECRET@h/db             | jdbc:postgresql://app:***@h/db
      jdbc:h2:mem:x;PASSWORD=SECRET;USER=sa         | jdbc:h2:mem:x;PASSWORD=***;USER=sa
      """)
  void masksEveryPasswordForm(String url, String masked) {
    assertThat(Secrets.mask(url)).isEqualTo(masked);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      UnknownHostException: app:s3cr@127.0.0.1            | s3cr     | UnknownHostException: app:***@127.0.0.1
      Connecting to jdbc:oracle:thin:app/s3cr@db           | s3cr     | Connecting to jdbc:oracle:thin:app/***@db
      command argument '--password' of 's3cr'              | s3cr     | command argument '--password' of '***'
      --password=s3cr --url=x                              | s3cr     | --password=*** --url=x
      liquibase.command.password: s3cr                     | s3cr     | liquibase.command.password: ***
      reflex-db: Starting Liquibase at 10:00               | e        | reflex-db: Starting Liquibase at 10:00
      Connected to postgres@jdbc:postgresql://db/app       | postgres | Connected to postgres@jdbc:postgresql://db/app
      postgres:postgres@db                                 | postgres | postgres:***@db
      user a:b%40c@db                                      | b@c      | user a:***@db
      """)
  void scrubsAKnownPasswordOnlyWhereItStandsAsOne(String text, String secret, String scrubbed) {
    assertThat(Secrets.scrub(text, java.util.List.of(secret))).isEqualTo(scrubbed);
  }
}
