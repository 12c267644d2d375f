package io.scangate.launcher;

import io.scangate.gateway.cli.CheckConfigCommand;
import io.scangate.gateway.cli.RunCommand;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code scangate}: the gateway, its simulator and its demo behind one command. */
@Command(name = "scangate", mixinStandardHelpOptions = true, version = "scangate 0.1.0",
        description = "Gateway from port-gate radiation and X-ray devices to MQTT 5 back-ends.",
        subcommands = {DemoCommand.class, RunCommand.class, CheckConfigCommand.class})
public final class Main {

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
