package io.scangate.driver;

import java.util.List;

/** A driver's typed {@code params:} block. */
public interface DriverConfig {

    /**
     * Checks values that the type alone cannot, after binding.
     *
     * @return one message per problem, each naming the key relative to {@code params} and the fix,
     *     e.g. {@code "maxLineLength: must be between 32 and 65536, got 10"}; empty when valid
     */
    default List<String> validate() {
        return List.of();
    }
}
