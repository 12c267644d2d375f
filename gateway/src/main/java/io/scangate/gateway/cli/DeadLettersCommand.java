package io.scangate.gateway.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code scangate dead-letters}: see the journal's dead letters and put them back once their cause is fixed. */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
        description = "List the journal's dead letters, or requeue them into their lanes (gateway stopped).",
        subcommands = {DeadLettersListCommand.class, DeadLettersRequeueCommand.class})
public final class DeadLettersCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: list or requeue");
    }
}
