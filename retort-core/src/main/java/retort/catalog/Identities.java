package retort.catalog;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Maps the identities an object holds (its own, its container's, a partition's parent) through a
 * function, rebuilding the record: how a catalog is seen as it would be after a rename.
 */
final class Identities {

  private Identities() {}

  @SuppressWarnings("unchecked")
  static <T extends DbObject> T map(T object, UnaryOperator<ObjectId> f) {
    Class<?> type = object.getClass();
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    boolean changed = false;
    try {
      for (int i = 0; i < components.length; i++) {
        Object v = components[i].getAccessor().invoke(object);
        Object mapped = mapValue(v, f);
        changed |= mapped != v;
        values[i] = mapped;
        types[i] = components[i].getType();
      }
      if (!changed) {
        return object;
      }
      Constructor<?> canonical = type.getDeclaredConstructor(types);
      return (T) canonical.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot rebuild " + type.getSimpleName(), e instanceof InvocationTargetException
          ? e.getCause() : e);
    }
  }

  private static Object mapValue(Object v, UnaryOperator<ObjectId> f) {
    if (v instanceof ObjectId id) {
      ObjectId m = f.apply(id);
      return m.equals(id) ? v : m;
    }
    if (v instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof ObjectId) {
      List<Object> out = new ArrayList<>(list.size());
      boolean changed = false;
      for (Object o : list) {
        Object m = mapValue(o, f);
        changed |= m != o;
        out.add(m);
      }
      return changed ? out : v;
    }
    return v;
  }
}
