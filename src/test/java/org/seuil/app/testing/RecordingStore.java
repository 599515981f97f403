package org.seuil.app.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import org.seuil.store.PlaceStore;

/** A store that passes every call to a real one and records the first argument of the calls of one method. */
public final class RecordingStore {
    private RecordingStore() {
    }

    /** @param firstArguments where the first argument of each call to {@code method} goes */
    public static PlaceStore of(PlaceStore real, String method, List<Object> firstArguments) {
        return (PlaceStore) Proxy.newProxyInstance(PlaceStore.class.getClassLoader(), new Class<?>[] {PlaceStore.class},
                (proxy, called, args) -> {
                    if (called.getName().equals(method)) {
                        firstArguments.add(args[0]);
                    }
                    try {
                        return called.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
