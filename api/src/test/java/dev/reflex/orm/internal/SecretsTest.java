package dev.reflex.orm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one masking helper: every form a password takes in a URL or a message, replaced by the mask. */
class SecretsTest {

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
      postgresql:/postgres@127.0.0.1/nc_app         | postgresql:/***@127.0.0.1/nc_app
      postgresql:/app:SECRET@db/app                 | postgresql:/app:***@db/app
      mariadb+mariadbconnector:/app:SECRET@db/app   | mariadb+mariadbconnector:/app:***@db/app
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
      Incorrect port value : s3cr@127.0.0.1                | s3cr     | Incorrect port value : ***@127.0.0.1
      """)
  void scrubsAKnownPasswordOnlyWhereItStandsAsOne(String text, String secret, String scrubbed) {
    assertThat(Secrets.scrub(text, List.of(secret))).isEqualTo(scrubbed);
  }
}
