package io.scangate.gateway.host;

import io.scangate.driver.DriverFactory;
import java.util.Collections;
import java.util.SortedMap;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The drivers on the class path, by type name. */
public final class DriverRegistry {

    private final SortedMap<String, DriverFactory<?>> byType;

    private DriverRegistry(SortedMap<String, DriverFactory<?>> byType) {
        this.byType = byType;
    }

    public static DriverRegistry fromClassPath() {
        SortedMap<String, DriverFactory<?>> found = new TreeMap<>();
        for (DriverFactory<?> factory : ServiceLoader.load(DriverFactory.class)) {
            DriverFactory<?> previous = found.putIfAbsent(factory.type(), factory);
            if (previous != null) {
                throw new IllegalStateException("two drivers claim type '" + factory.type() + "': "
                        + previous.getClass().getName() + " and " + factory.getClass().getName());
            }
        }
        return new DriverRegistry(found);
    }

    public DriverFactory<?> find(String type) {
        return byType.get(type);
    }

    /** By type name, in alphabetical order. */
    public SortedMap<String, DriverFactory<?>> all() {
        return Collections.unmodifiableSortedMap(byType);
    }
}
