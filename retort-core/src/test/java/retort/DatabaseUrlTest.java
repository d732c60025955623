package retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

  static final String PW = "s3cretPw";

  @Test
  void jdbcUrlKeepsItsParametersAndTakesOutUserAndPassword() {
    DatabaseUrl u = DatabaseUrl.parse("jdbc:postgresql://db.example:5432/app?user=bot&password=" + PW + "&sslmode=require");
    assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/app?sslmode=require");
    assertThat(u.user()).isEqualTo("bot");
    assertThat(u.password().reveal()).isEqualTo(PW);
    assertThat(u.toString()).isEqualTo("postgresql://bot:***@db.example:5432/app?sslmode=require");
  }

  @Test
  void jdbcUrlWithoutParameters() {
    DatabaseUrl u = DatabaseUrl.parse("jdbc:postgresql://localhost:5432/app");
    assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/app");
    assertThat(u.user()).isNull();
    assertThat(u.password()).isNull();
    assertThat(u.toString()).isEqualTo("postgresql://localhost:5432/app");
  }

  @Test
  void libpqUrl() {
    DatabaseUrl u = DatabaseUrl.parse("postgresql://user:" + PW + "@host:5432/db?sslmode=require");
    assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/db?sslmode=require");
    assertThat(u.user()).isEqualTo("user");
    assertThat(u.password().reveal()).isEqualTo(PW);
    assertThat(u.toString()).isEqualTo("postgresql://user:***@host:5432/db?sslmode=require");
  }

  @Test
  void postgresScheme() {
    DatabaseUrl u = DatabaseUrl.parse("postgres://user:" + PW + "@host:6543/db");
    assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://host:6543/db");
    assertThat(u.user()).isEqualTo("user");
    assertThat(u.password().reveal()).isEqualTo(PW);
  }

  @Test
  void sqlalchemyScheme() {
    DatabaseUrl u = DatabaseUrl.parse("postgresql+psycopg2://easysochi:" + PW + "@db.internal:5432/easysochi");
    assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/easysochi");
    assertThat(u.user()).isEqualTo("easysochi");
    assertThat(u.password().reveal()).isEqualTo(PW);
    assertThat(u.toString()).doesNotContain(PW).contains("***");
  }

  @Test
  void urlEncodedPasswordWithAtAndColon() {
    DatabaseUrl u = DatabaseUrl.parse("postgresql://us%40er:p%40ss%3Aw0rd%2F%25@host:5432/db");
    assertThat(u.user()).isEqualTo("us@er");
    assertThat(u.password().reveal()).isEqualTo("p@ss:w0rd/%");
    assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://host:5432/db");
    assertThat(u.toString()).doesNotContain("p@ss").doesNotContain("p%40ss").doesNotContain("w0rd");
  }

  @Test
  void aPlusInThePasswordStaysAPlus() {
    assertThat(DatabaseUrl.parse("postgresql://u:a+b@h/db").password().reveal()).isEqualTo("a+b");
  }

  @Test
  void ipv6Host() {
    DatabaseUrl u = DatabaseUrl.parse("postgresql://u:" + PW + "@[::1]:5432/db");
    assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5432/db");
    assertThat(u.user()).isEqualTo("u");
    assertThat(u.toString()).isEqualTo("postgresql://u:***@[::1]:5432/db");
  }

  @Test
  void missingPortAndMissingHost() {
    assertThat(DatabaseUrl.parse("postgresql://u@host/db").jdbcUrl()).isEqualTo("jdbc:postgresql://host/db");
    assertThat(DatabaseUrl.parse("postgresql://u@host/db").password()).isNull();
    assertThat(DatabaseUrl.parse("postgresql:///db").jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/db");
  }

  @Test
  void queryParametersForUserPasswordAndApplicationName() {
    DatabaseUrl u = DatabaseUrl.parse("postgresql://host/db?user=bot&password=" + PW
        + "&application_name=deploy&connect_timeout=3&sslmode=disable");
    assertThat(u.user()).isEqualTo("bot");
    assertThat(u.password().reveal()).isEqualTo(PW);
    assertThat(u.jdbcUrl())
        .isEqualTo("jdbc:postgresql://host/db?ApplicationName=deploy&connectTimeout=3&sslmode=disable");
    assertThat(u.toString()).doesNotContain(PW);
  }

  @Test
  void scrubReplacesThePassword() {
    DatabaseUrl u = DatabaseUrl.parse("postgresql://u:" + PW + "@h/db");
    assertThat(u.scrub("failed for " + PW + " and " + PW)).isEqualTo("failed for *** and ***");
    assertThat(DatabaseUrl.parse("postgresql://u@h/db").scrub("text")).isEqualTo("text");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "jdbc:postgresql://h:5432/db?user=u&password=" + PW,
      "jdbc:postgresql://h:5432/db?password=" + PW + "&user=u",
      "jdbc:postgresql://h:5432/db?PASSWORD=" + PW,
      "postgresql://u:" + PW + "@h:5432/db",
      "postgres://u:" + PW + "@h/db?sslmode=require",
      "postgresql+psycopg2://u:" + PW + "@h/db",
      "postgresql+asyncpg://u:" + PW + "@[2001:db8::1]:5433/db",
      "postgresql://h/db?password=" + PW,
      "postgresql://h/db?Password=" + PW})
  void toStringNeverContainsThePassword(String url) {
    DatabaseUrl u = DatabaseUrl.parse(url);
    assertThat(u.toString()).doesNotContain(PW);
    assertThat(u.jdbcUrl()).doesNotContain(PW);
    assertThat(u.password().reveal()).isEqualTo(PW);
  }

  @Test
  void secretPrintsAsStars() {
    Secret s = Secret.of(PW);
    assertThat(s.toString()).isEqualTo("***");
    assertThat(String.valueOf(s)).isEqualTo("***");
    assertThat(Secret.of("")).isNull();
    assertThat(Secret.of(null)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "mysql://u:" + PW + "@h/db",
      "http://u:" + PW + "@h:5432/db",
      "host=h user=u password=" + PW,
      "mysql://h/db?password=" + PW})
  void anUnparseableUrlsMessageHidesThePassword(String url) {
    RetortException e = assertThrows(RetortException.class, () -> DatabaseUrl.parse(url));
    assertThat(e.getMessage()).doesNotContain(PW).contains("not a PostgreSQL URL");
  }
  @ParameterizedTest
  @ValueSource(strings = {"mysql://u:pa/" + PW + "@h/db", "mysql://u:pa@" + PW + "@h/db",
      "postgresql:/u:" + PW + "@h/db", "u:" + PW + "@h/db"})
  void anUnparseableUrlWithAnUnencodedSlashOrAtInThePasswordHidesIt(String url) {
    RetortException e = assertThrows(RetortException.class, () -> DatabaseUrl.parse(url));
    assertThat(e.getMessage()).doesNotContain(PW);
  }
  @ParameterizedTest
  @ValueSource(strings = {"postgresql://u:pa/" + PW + "@h/db", "postgresql://u:pa@" + PW + "@h/db"})
  void anUnencodedSlashOrAtInThePasswordNeverPrintsIt(String url) {
    // either refuse the URL without printing the password, or parse it without keeping the password visible
    try {
      DatabaseUrl u = DatabaseUrl.parse(url);
      assertThat(u.toString()).doesNotContain(PW);
      assertThat(u.jdbcUrl()).doesNotContain(PW);
    } catch (RetortException e) {
      assertThat(e.getMessage()).doesNotContain(PW);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sslpassword", "SSLPASSWORD", "sslPassword", "keystore_password"})
  void everyParameterNamedLikeAPasswordIsASecret(String name) {
    for (String url : new String[] {"postgresql://u@h/db?sslmode=require&" + name + "=" + PW,
        "jdbc:postgresql://h/db?sslmode=require&" + name + "=" + PW}) {
      DatabaseUrl u = DatabaseUrl.parse(url);
      assertThat(u.toString()).doesNotContain(PW).endsWith(name + "=***");
      assertThat(u.jdbcUrl()).doesNotContain(PW).doesNotContain(name);
      assertThat(u.secretParameter(name).reveal()).isEqualTo(PW);
      assertThat(u.scrub("bad key " + PW)).isEqualTo("bad key ***");
    }
  }

  @Test
  void aPercentThatIsNoEscapeNamesTheSettingAndNotTheValue() {
    RetortException e = assertThrows(RetortException.class,
        () -> DatabaseUrl.parse("postgresql://u:" + PW + "%zz@h/db", "--url"));
    assertThat(e.location()).isEqualTo("--url");
    assertThat(e.getMessage()).doesNotContain(PW).contains("'%'");
    assertThat(e.hint()).contains("%25");
  }

  @Test
  void embeddedIsAKeyword() {
    assertThat(DatabaseUrl.parse(" embedded ")).isSameAs(DatabaseUrl.EMBEDDED);
    assertThat(DatabaseUrl.EMBEDDED.isEmbedded()).isTrue();
    assertThat(DatabaseUrl.parse("postgresql://h/db").isEmbedded()).isFalse();
    assertThrows(java.sql.SQLException.class, () -> DatabaseUrl.EMBEDDED.connect("retort"));
  }

  @Test
  void anotherDatabaseOnTheSameServer() {
    DatabaseUrl u = DatabaseUrl.parse("postgresql://u:" + PW + "@h:5433/app?sslmode=require");
    assertThat(u.withDatabase("scratch").jdbcUrl()).isEqualTo("jdbc:postgresql://h:5433/scratch?sslmode=require");
    assertThat(u.withDatabase("scratch").password().reveal()).isEqualTo(PW);
    assertThat(u.hostAndPort()).isEqualTo("h:5433");
  }
}
