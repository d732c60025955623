package retort;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API is package {@code retort} alone: no public or protected member of a public type
 * there names a type of an internal package (retort.db, run, graph, script, sql, …), so that the
 * command line, the Maven plugin, the starter and the test extension can use nothing else.
 */
class PublicApiTest {

  @Test
  void noPublicSignatureNamesAnInternalType() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : publicTypes()) {
      List<Object> members = new ArrayList<>();
      members.addAll(List.of(type.getDeclaredConstructors()));
      members.addAll(List.of(type.getDeclaredMethods()));
      members.addAll(List.of(type.getDeclaredFields()));
      for (Object member : members) {
        if (!visible(member)) {
          continue;
        }
        for (String name : typeNames(member)) {
          if (name.matches(".*\\bretort\\.[a-z]+\\..*") && !name.startsWith("retort.testing")) {
            leaks.add(type.getSimpleName() + ": " + member + " uses " + name);
          }
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void thePackageHasTheTypesAnApplicationNeeds() throws Exception {
    assertThat(publicTypes()).extracting(Class::getSimpleName)
        .contains("Retort", "RetortException", "RetortListener", "DatabaseUrl", "Config", "Environment",
            "MigrationResult", "StepSummary", "RevisionInfo", "LockHolder", "ConnectionFactory");
  }

  private static List<Class<?>> publicTypes() throws Exception {
    Path dir = Path.of(Retort.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("retort");
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (name.endsWith(".class") && !name.contains("$") && !name.equals("package-info.class")) {
          Class<?> c = Class.forName("retort." + name.substring(0, name.length() - ".class".length()));
          if (Modifier.isPublic(c.getModifiers())) {
            out.add(c);
          }
        }
      }
    }
    return out;
  }

  private static boolean visible(Object member) {
    int m = member instanceof Executable e ? e.getModifiers() : ((Field) member).getModifiers();
    return (Modifier.isPublic(m) || Modifier.isProtected(m)) && !(member instanceof Method x && x.isSynthetic());
  }

  private static List<String> typeNames(Object member) {
    List<String> out = new ArrayList<>();
    if (member instanceof Executable e) {
      for (Type t : e.getGenericParameterTypes()) {
        out.add(t.getTypeName());
      }
      for (Type t : e.getGenericExceptionTypes()) {
        out.add(t.getTypeName());
      }
      if (e instanceof Method m) {
        out.add(m.getGenericReturnType().getTypeName());
      }
    } else {
      out.add(((Field) member).getGenericType().getTypeName());
    }
    return out;
  }
}
