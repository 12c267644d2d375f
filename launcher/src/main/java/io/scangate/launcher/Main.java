package io.scangate.launcher;

import io.scangate.gateway.cli.CheckConfigCommand;
import io.scangate.gateway.cli.DeadLettersCommand;
import io.scangate.gateway.cli.DriversCommand;
import io.scangate.gateway.cli.RunCommand;
import io.scangate.gateway.tail.TailCommand;
import io.scangate.gateway.tail.TailImagesCommand;
import io.scangate.simulator.cli.SimCommand;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code scangate}: the gateway, its simulator and its demo behind one command. */
@Command(name = "scangate", mixinStandardHelpOptions = true, version = "scangate 0.1.0",
        description = "Gateway from port-gate radiation and X-ray devices to MQTT 5 back-ends.",
        subcommands = {DemoCommand.class, RunCommand.class, CheckConfigCommand.class, TailCommand.class, TailImagesCommand.class,
                SimCommand.class,
                DriversCommand.class, DeadLettersCommand.class})
public final class Main {

    public static void main(String[] args) {
        // The demo broker's jar carries a logback.xml of its own: name ours explicitly, before any logger exists.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "scangate-logback.xml");
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
