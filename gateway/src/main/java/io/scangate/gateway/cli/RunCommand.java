package io.scangate.gateway.cli;

import io.scangate.gateway.Gateway;
import io.scangate.gateway.config.ConfigException;
import io.scangate.gateway.config.ConfigLoader;
import io.scangate.gateway.config.LoadedConfig;
import io.scangate.gateway.host.DriverRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Runs the gateway until SIGTERM/SIGINT, then stops it in order (nothing accepted is lost). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the gateway with a configuration file until stopped (SIGTERM / Ctrl-C).")
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The YAML configuration.")
    Path config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LoadedConfig loaded;
        try {
            loaded = new ConfigLoader(DriverRegistry.fromClassPath()).load(config);
        } catch (ConfigException e) {
            CheckConfigCommand.printProblems(spec.commandLine().getErr(), config, e);
            return 2;
        }
        Gateway gateway = Gateway.start(loaded, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "scangate-shutdown"));
        stopped.await();
        return 0;
    }
}
