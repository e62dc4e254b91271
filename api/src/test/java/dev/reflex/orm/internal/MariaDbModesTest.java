package dev.reflex.orm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflex.orm.InvalidUrlException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mariadb.jdbc.Configuration;
import org.mariadb.jdbc.export.HaMode;

/**
 * Issue 26: {@code haMode=load-balance-read} was refused with a list of three modes written in our code. The modes
 * are the driver's own: each of its {@link HaMode} constants, written by name or by the driver's own spelling, is
 * accepted and reaches the driver as that mode, and a refusal lists the driver's modes.
 */
class MariaDbModesTest {
  /** The mode the MariaDB driver itself reads from the JDBC URL we make. */
  private static HaMode driverReads(String url) throws SQLException {
    return Configuration.parse(UrlParser.parse(url).jdbcUrl()).haMode();
  }

  @ParameterizedTest
  @EnumSource(HaMode.class)
  void everyModeOfTheDriverIsAcceptedAndReachesTheDriverAsThatMode(HaMode mode) throws SQLException {
    assertThat(driverReads("mariadb://app@h1,h2/app?haMode=" + mode.name())).isEqualTo(mode);
    assertThat(driverReads("mariadb://app@h1,h2/app?haMode=" + mode.name().toLowerCase(Locale.ROOT).replace('_', '-')))
        .isEqualTo(mode);
    assertThat(driverReads("mysql://app@h1/app?haMode=" + mode.name() + "&useSsl=false")).isEqualTo(mode);
  }

  @Test
  void severalHostsWithoutAModeAreTriedInOrder() throws SQLException {
    assertThat(driverReads("mariadb://app@h1,h2/app")).isEqualTo(HaMode.SEQUENTIAL);
    assertThat(driverReads("mariadb://app@h1/app")).isEqualTo(HaMode.NONE);
  }

  @Test
  void aModeTheDriverDoesNotTakeIsRefusedWithTheDriversOwnList() {
    List<String> drivers = Arrays.stream(HaMode.values()).map(mode -> mode.name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .collect(Collectors.toList());
    assertThat(drivers).contains("load-balance-read");
    assertThatThrownBy(() -> UrlParser.parse("mariadb://app:SECRET@h1,h2/app?haMode=galera"))
        .isInstanceOf(InvalidUrlException.class).hasNoCause()
        .hasMessage("Database URL \"mariadb://app:***@h1,h2/app?haMode=galera\" has haMode=galera: the MariaDB"
            + " driver's modes are " + String.join(", ", drivers));
  }
}
