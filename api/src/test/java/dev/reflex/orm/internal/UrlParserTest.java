package dev.reflex.orm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflex.orm.DatabaseKind;
import dev.reflex.orm.InvalidUrlException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The URL table: every accepted form mapped to its exact JDBC URL, user and password; every bad one to its line. */
class UrlParserTest {

  @Test
  void everyCredentialOfTheQueryLeavesTheUrlForTheConnectionProperties() {
    DatabaseUrl parsed = UrlParser.parse("jdbc:postgresql://db/app?user=app&password=p%40ss&sslpassword=key&ssl=true");
    DatabaseUrl maria = UrlParser.parse("mariadb://app@db/app?trustStorePassword=ts&useSsl=true");

    assertThat(parsed.jdbcUrl()).isEqualTo("jdbc:postgresql://db/app?ssl=true");
    assertThat(parsed.credentials()).containsEntry("user", "app").containsEntry("password", "p@ss")
        .containsEntry("sslpassword", "key");
    assertThat(parsed.jdbcUrlWithParameters()).contains("sslpassword=key");
    assertThat(maria.jdbcUrl()).isEqualTo("jdbc:mariadb://db:3306/app?useSsl=true");
    assertThat(maria.credentials()).containsEntry("trustStorePassword", "ts").containsEntry("user", "app");
    assertThat(maria.secrets()).contains("ts");
  }

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
      postgresql://app:pw@db/app?application_name=ops@host1 | jdbc:postgresql://db:5432/app?ApplicationName=ops@host1 | app | pw | POSTGRESQL
      postgresql://db/app?application_name=ops@host1       | jdbc:postgresql://db:5432/app?ApplicationName=ops@host1 | - | - | POSTGRESQL
      postgresql://db:6543?application_name=ops@host1      | jdbc:postgresql://db:6543/?ApplicationName=ops@host1 | - | -  | POSTGRESQL
      mariadb://root@db/test?connectionAttributes=by:ops@host1 | jdbc:mariadb://db:3306/test?connectionAttributes=by:ops@host1 | root | - | MARIADB
      postgresql://app:pa/ss@word@db/app                   | jdbc:postgresql://db:5432/app                 | app   | pa/ss@word | POSTGRESQL
      postgresql://app:p@ss/w#y@db/app?application_name=ops@host1 | jdbc:postgresql://db:5432/app?ApplicationName=ops@host1 | app | p@ss/w#y | POSTGRESQL
      postgresql://app:p?w@db/app                          | jdbc:postgresql://db:5432/app                 | app   | p?w        | POSTGRESQL
      sqlite:///app.db?vfs=unix@x                          | jdbc:sqlite:app.db?vfs=unix@x                 | -     | -          | SQLITE
      mariadb://root:pw@127.0.0.1:3306/test                | jdbc:mariadb://127.0.0.1:3306/test            | root  | pw         | MARIADB
      mariadb://root@db/test                               | jdbc:mariadb://db:3306/test                   | root  | -          | MARIADB
      mysql://app:pw@db/app                                | jdbc:mariadb://db:3306/app                    | app   | pw         | MYSQL
      mysql+pymysql://app:pw@db/app?charset=utf8mb4        | jdbc:mariadb://db:3306/app?charset=utf8mb4    | app   | pw         | MYSQL
      mariadb+mariadbconnector://app:pw@[::1]/app          | jdbc:mariadb://[::1]:3306/app                 | app   | pw         | MARIADB
      postgresql://app:pw@h1:5432,h2:5433/app              | jdbc:postgresql://h1:5432,h2:5433/app         | app   | pw         | POSTGRESQL
      postgresql://h1,h2,h3/app                            | jdbc:postgresql://h1:5432,h2:5432,h3:5432/app | -     | -          | POSTGRESQL
      postgresql://app@[::1]:5432,[2001:db8::7]/app        | jdbc:postgresql://[::1]:5432,[2001:db8::7]:5432/app | app | -      | POSTGRESQL
      postgres://127.0.0.1:25432,127.0.0.1:25433/app?target_session_attrs=read-write&sslmode=prefer | jdbc:postgresql://127.0.0.1:25432,127.0.0.1:25433/app?targetServerType=primary&sslmode=prefer | - | - | POSTGRESQL
      postgresql://h1,h2/app?target_session_attrs=any      | jdbc:postgresql://h1:5432,h2:5432/app?targetServerType=any | - | - | POSTGRESQL
      postgresql://h1,h2/app?target_session_attrs=read-only | jdbc:postgresql://h1:5432,h2:5432/app?targetServerType=secondary | - | - | POSTGRESQL
      postgresql://h1,h2/app?target_session_attrs=primary  | jdbc:postgresql://h1:5432,h2:5432/app?targetServerType=primary | - | - | POSTGRESQL
      postgresql://h1,h2/app?target_session_attrs=standby  | jdbc:postgresql://h1:5432,h2:5432/app?targetServerType=secondary | - | - | POSTGRESQL
      postgresql://h1,h2/app?target_session_attrs=prefer-standby | jdbc:postgresql://h1:5432,h2:5432/app?targetServerType=preferSecondary | - | - | POSTGRESQL
      postgresql://h1,h2/app?load_balance_hosts=random     | jdbc:postgresql://h1:5432,h2:5432/app?loadBalanceHosts=true | - | - | POSTGRESQL
      postgresql://h1,h2/app?load_balance_hosts=disable    | jdbc:postgresql://h1:5432,h2:5432/app?loadBalanceHosts=false | - | - | POSTGRESQL
      postgresql://db/app?connect_timeout=10               | jdbc:postgresql://db:5432/app?connectTimeout=10 | -   | -          | POSTGRESQL
      postgresql://db/app?connect_timeout=1                | jdbc:postgresql://db:5432/app?connectTimeout=2 | -    | -          | POSTGRESQL
      postgresql://db/app?connect_timeout=0                | jdbc:postgresql://db:5432/app?connectTimeout=0 | -    | -          | POSTGRESQL
      postgresql://db/app?connect_timeout=-3               | jdbc:postgresql://db:5432/app?connectTimeout=0 | -    | -          | POSTGRESQL
      postgresql://db/app?application_name=billing         | jdbc:postgresql://db:5432/app?ApplicationName=billing | - | -       | POSTGRESQL
      postgresql://db/app?fallback_application_name=billing | jdbc:postgresql://db:5432/app?ApplicationName=billing | - | -      | POSTGRESQL
      postgresql://db/app?fallback_application_name=fb&application_name=billing | jdbc:postgresql://db:5432/app?ApplicationName=billing | - | - | POSTGRESQL
      postgresql://db/app?sslmode=verify-full&sslrootcert=/etc/ca.pem&sslcert=/etc/c.pem&sslkey=/etc/k.pem | jdbc:postgresql://db:5432/app?sslmode=verify-full&sslrootcert=/etc/ca.pem&sslcert=/etc/c.pem&sslkey=/etc/k.pem | - | - | POSTGRESQL
      postgresql://db/app?sslpassword=keypass              | jdbc:postgresql://db:5432/app                 | -     | -          | POSTGRESQL
      postgresql://db/app?gssencmode=disable&krbsrvname=pg&gsslib=gssapi | jdbc:postgresql://db:5432/app?gssEncMode=disable&kerberosServerName=pg&gsslib=gssapi | - | - | POSTGRESQL
      postgresql://db/app?channel_binding=require&require_auth=scram-sha-256 | jdbc:postgresql://db:5432/app?channelBinding=require&requireAuth=scram-sha-256 | - | - | POSTGRESQL
      postgresql://db/app?sslnegotiation=direct&sslmode=require | jdbc:postgresql://db:5432/app?sslNegotiation=direct&sslmode=require | - | - | POSTGRESQL
      postgresql://db/app?options=-c%20search_path%3Dapp   | jdbc:postgresql://db:5432/app?options=-c%20search_path%3Dapp | - | - | POSTGRESQL
      postgresql://db/app?service=billing                  | jdbc:postgresql://db:5432/app?service=billing | -     | -          | POSTGRESQL
      postgresql://db/app?replication=database             | jdbc:postgresql://db:5432/app?replication=database | - | -       | POSTGRESQL
      postgresql://db/app?keepalives=1                     | jdbc:postgresql://db:5432/app?tcpKeepAlive=true | -   | -          | POSTGRESQL
      postgresql://db/app?keepalives=0                     | jdbc:postgresql://db:5432/app?tcpKeepAlive=false | -  | -          | POSTGRESQL
      postgresql://db/app?client_encoding=UTF8&sslsni=1    | jdbc:postgresql://db:5432/app                 | -     | -          | POSTGRESQL
      postgresql://db/app?user=app&socketTimeout=30        | jdbc:postgresql://db:5432/app?socketTimeout=30 | app  | -          | POSTGRESQL
      mariadb://app@h1:3306,h2:3306/app                    | jdbc:mariadb:sequential://h1:3306,h2:3306/app | app   | -          | MARIADB
      mariadb://app@h1,h2/app?haMode=loadbalance           | jdbc:mariadb:loadbalance://h1:3306,h2:3306/app | app  | -          | MARIADB
      mysql://app:pw@primary,replica/app?haMode=replication&useSsl=true | jdbc:mariadb:replication://primary:3306,replica:3306/app?useSsl=true | app | pw | MYSQL
      mariadb://app@db/app?haMode=sequential               | jdbc:mariadb:sequential://db:3306/app         | app   | -          | MARIADB
      mariadb://app@h1,h2/app?haMode=load-balance-read     | jdbc:mariadb:load-balance-read://h1:3306,h2:3306/app | app | -      | MARIADB
      mariadb://app@h1,h2/app?haMode=load-balance          | jdbc:mariadb:loadbalance://h1:3306,h2:3306/app | app  | -          | MARIADB
      mariadb://app@h1,h2/app?haMode=LOAD_BALANCE_READ     | jdbc:mariadb:load-balance-read://h1:3306,h2:3306/app | app | -      | MARIADB
      mariadb://app@h1,h2/app?haMode=none                  | jdbc:mariadb://h1:3306,h2:3306/app            | app   | -          | MARIADB
      jdbc:postgresql://db/app?user=app                    | jdbc:postgresql://db/app                      | app   | -          | POSTGRESQL
      jdbc:h2:mem:test;DB_CLOSE_DELAY=-1                   | jdbc:h2:mem:test;DB_CLOSE_DELAY=-1            | -     | -          | H2
      jdbc:h2:mem:x;USER=sa;PASSWORD=pw;MODE=MySQL         | jdbc:h2:mem:x;USER=sa;MODE=MySQL              | -     | pw         | H2
      jdbc:h2:mem:x;password=pw                            | jdbc:h2:mem:x                                 | -     | pw         | H2
      jdbc:postgresql://app:p%40w@db:5432/app?ssl=true     | jdbc:postgresql://db:5432/app?ssl=true        | app   | p@w        | POSTGRESQL
      jdbc:mariadb://root@db/app                           | jdbc:mariadb://db/app                         | root  | -          | MARIADB
      jdbc:postgresql://app:pa/ss@db/app                   | jdbc:postgresql://db/app                      | app   | pa/ss      | POSTGRESQL
      jdbc:postgresql://db/app?application_name=ops@h1     | jdbc:postgresql://db/app?application_name=ops@h1 | -  | -          | POSTGRESQL
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
      postgresql:/postgres@127.0.0.1/nc_app  | Database URL "postgresql:/***@127.0.0.1/nc_app" is not a database URL
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
      postgresql://h1,,h2/app                | has an empty entry in its list of hosts: write host1:port1,host2:port2
      postgresql://app@h1:5432,h2:x/app      | has the port "x": a port is a whole number from 1 to 65535
      postgresql://h1,h2/app?target_session_attrs=read-mostly | has target_session_attrs=read-mostly: libpq takes any, prefer-standby, primary, read-only, read-write, standby
      postgresql://db/app?load_balance_hosts=yes | has load_balance_hosts=yes: libpq takes disable, random
      postgresql://db/app?connect_timeout=ten | has connect_timeout=ten: write a whole number of seconds
      postgresql://db/app?keepalives=yes     | has keepalives=yes: libpq takes 0, 1
      postgresql://app:pw@db/app?keepalives_idle=30 | Database URL "postgresql://app:***@db/app?keepalives_idle=30" has the libpq parameter "keepalives_idle", which pgJDBC cannot honour: leave it out
      postgresql://db/app?keepalives_interval=5 | the libpq parameter "keepalives_interval", which pgJDBC cannot honour
      postgresql://db/app?keepalives_count=3 | the libpq parameter "keepalives_count", which pgJDBC cannot honour
      postgresql://db/app?tcp_user_timeout=9 | the libpq parameter "tcp_user_timeout", which pgJDBC cannot honour: use pgJDBC's socketTimeout
      postgresql://db/app?hostaddr=10.0.0.1  | the libpq parameter "hostaddr", which pgJDBC cannot honour
      postgresql://db/app?host=other         | the libpq parameter "host", which pgJDBC cannot honour: write the hosts before the path
      postgresql://db/app?port=5433          | the libpq parameter "port", which pgJDBC cannot honour: write the port after the host
      postgresql://db/app?dbname=other       | the libpq parameter "dbname", which pgJDBC cannot honour: write the database as the path
      postgresql://db/app?passfile=/p        | the libpq parameter "passfile", which pgJDBC cannot honour
      postgresql://db/app?sslcompression=1   | the libpq parameter "sslcompression", which pgJDBC cannot honour
      postgresql://db/app?sslcrl=/crl.pem    | the libpq parameter "sslcrl", which pgJDBC cannot honour
      postgresql://db/app?sslcrldir=/crl     | the libpq parameter "sslcrldir", which pgJDBC cannot honour
      postgresql://db/app?sslcertmode=require | the libpq parameter "sslcertmode", which pgJDBC cannot honour
      postgresql://db/app?sslsni=0           | the libpq parameter "sslsni", which pgJDBC cannot honour
      postgresql://db/app?ssl_min_protocol_version=TLSv1.3 | the libpq parameter "ssl_min_protocol_version", which pgJDBC cannot honour: set jdk.tls.client.protocols
      postgresql://db/app?ssl_max_protocol_version=TLSv1.2 | the libpq parameter "ssl_max_protocol_version", which pgJDBC cannot honour
      postgresql://db/app?requiressl=1       | the libpq parameter "requiressl", which pgJDBC cannot honour: write sslmode=require
      postgresql://db/app?requirepeer=pg     | the libpq parameter "requirepeer", which pgJDBC cannot honour
      postgresql://db/app?gssdelegation=1    | the libpq parameter "gssdelegation", which pgJDBC cannot honour
      postgresql://db/app?client_encoding=LATIN1 | the libpq parameter "client_encoding", which pgJDBC cannot honour: leave it out: pgJDBC always talks UTF8
      mariadb://h1,h2/app?haMode=galera      | Database URL "mariadb://h1,h2/app?haMode=galera" has haMode=galera: the MariaDB driver's modes are replication, sequential, load-balance-read, loadbalance, none
      postgresql://app:SECRET                | Database URL "postgresql://app:***" has a port that is not a number, or a password without @host
      app:SECRET@db:5432/app                 | Database URL "app:***@db:5432/app" is not a database URL
      postgresql//app:SECRET@db/app          | Database URL "postgresql//app:***@db/app" is not a database URL
      """)
  void rejectsABadUrlWithOneLine(String url, String message) {
    assertThatThrownBy(() -> UrlParser.parse(url)).isInstanceOf(InvalidUrlException.class)
        .hasMessageContaining(message).hasMessageNotContaining("\n").hasNoCause();
  }
}
