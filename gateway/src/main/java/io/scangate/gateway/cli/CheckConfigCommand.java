package io.scangate.gateway.cli;

import io.scangate.gateway.config.BoundDevice;
import io.scangate.gateway.config.ConfigException;
import io.scangate.gateway.config.ConfigLoader;
import io.scangate.gateway.config.LoadedConfig;
import io.scangate.gateway.host.DriverRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Validates a configuration file without starting anything; exit 0 when valid, 2 with every problem listed. */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = "Check a configuration file: every problem is listed with its key and the fix.")
public final class CheckConfigCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The YAML configuration.")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            LoadedConfig loaded = new ConfigLoader(DriverRegistry.fromClassPath()).load(config);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s: OK (site %s, gateway %s, %d device(s))%n", config, loaded.gateway().site(),
                    loaded.gateway().gatewayId(), loaded.devices().size());
            for (BoundDevice d : loaded.devices()) {
                out.printf("  %s: driver %s, lane %s, %s %s%n", d.config().id(), d.factory().type(), d.config().lane(),
                        d.config().transport().kind(), d.config().transport().peer());
            }
            for (var lane : loaded.gateway().correlation().lanes()) {
                out.printf("  correlation %s: %s, deadline %s%n", lane.lane(), lane.parts().stream()
                        .map(p -> p.kind() + (p.after().isZero() ? "" : " +" + p.after().toString().substring(2).toLowerCase())
                                + " ±" + p.tolerance().toString().substring(2).toLowerCase())
                        .collect(java.util.stream.Collectors.joining(" -> ")), lane.deadline().toString().substring(2).toLowerCase());
            }
            out.flush();
            return 0;
        } catch (ConfigException e) {
            printProblems(spec.commandLine().getErr(), config, e);
            return 2;
        }
    }

    static void printProblems(PrintWriter err, Path file, ConfigException e) {
        err.printf("%s: %d problem(s)%n", file, e.problems().size());
        e.problems().forEach(p -> err.println("  " + p));
        err.flush();
    }
}
