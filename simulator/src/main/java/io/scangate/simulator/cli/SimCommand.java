package io.scangate.simulator.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sim}: the device side of the protocols, for engineers and CI without hardware. Mountable as a subcommand. */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = "Simulate devices: scangate connects to them as it would to real ones.",
        subcommands = {Vm250Command.class, Vm250SerialCommand.class, ReplayCommand.class, AspectModbusCommand.class,
                N42Command.class, OcrCommand.class, DicosCommand.class, LaneCommand.class})
public final class SimCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "choose a device: vm250, vm250-serial, replay, aspect-modbus, n42, ocr, dicos or lane");
    }
}
