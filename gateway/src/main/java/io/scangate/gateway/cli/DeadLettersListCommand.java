package io.scangate.gateway.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scangate.gateway.journal.DeadLetter;
import io.scangate.gateway.journal.DeadLetterFile;
import io.scangate.gateway.journal.Requeue;
import io.scangate.gateway.journal.RequeuedFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists dead letters read-only (no lock taken), so it also works while a gateway runs on the directory. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List every dead letter of a journal: id, lane, when, envelope, requeue and reason. Read-only;"
                + " works while a gateway runs.")
public final class DeadLettersListCommand implements Callable<Integer> {

    @Option(names = "--journal", required = true, paramLabel = "DIR", description = "The journal directory.")
    Path journal;

    @Option(names = "--json", description = "One JSON object per line instead of key=value lines.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(journal)) {
            err.printf("%s: not a directory (give the gateway's journal.directory)%n", journal);
            err.flush();
            return 2;
        }
        List<DeadLetterView> views;
        try {
            views = read(journal);
        } catch (IOException e) {
            err.printf("%s: cannot read the dead letters: %s%n", journal, e.getMessage());
            err.flush();
            return 1;
        }
        ObjectMapper mapper = new ObjectMapper();
        for (DeadLetterView view : views) {
            out.println(json ? view.json(mapper).toString() : view.line());
        }
        if (!json) {
            long requeued = views.stream().filter(view -> view.requeue() != null).count();
            out.printf("%d dead letter(s), %d requeued%n", views.size(), requeued);
        }
        out.flush();
        return 0;
    }

    /** Dead letters with their requeues, in the order they were dead-lettered. */
    static List<DeadLetterView> read(Path directory) throws IOException {
        Map<Long, Requeue> requeues = new HashMap<>();
        for (Requeue requeue : RequeuedFile.readAll(directory)) {
            requeues.putIfAbsent(requeue.deadLetterId(), requeue);
        }
        return DeadLetterFile.readAll(directory).stream()
                .map((DeadLetter letter) -> DeadLetterView.of(letter, requeues.get(letter.id())))
                .toList();
    }
}
