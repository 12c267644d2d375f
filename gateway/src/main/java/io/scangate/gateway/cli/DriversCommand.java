package io.scangate.gateway.cli;

import io.scangate.driver.DriverFactory;
import io.scangate.gateway.host.DriverRegistry;
import java.io.PrintWriter;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the drivers on the class path with their transports and {@code params:} keys. */
@Command(name = "drivers", mixinStandardHelpOptions = true,
        description = "List the installed drivers, the transports they run over and their params keys.")
public final class DriversCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (DriverFactory<?> factory : DriverRegistry.fromClassPath().all().values()) {
            out.printf("%s: %s%n", factory.type(), factory.description());
            out.printf("  transports: %s%n", factory.transports().stream()
                    .map(t -> t.name().toLowerCase(Locale.ROOT).replace('_', '-')).sorted()
                    .collect(Collectors.joining(", ")));
            RecordComponent[] keys = factory.configType().getRecordComponents();
            if (keys != null) {
                out.printf("  params: %s%n", Arrays.stream(keys)
                        .map(k -> k.getName() + " (" + k.getType().getSimpleName() + ")")
                        .collect(Collectors.joining(", ")));
            }
        }
        out.flush();
        return 0;
    }
}
