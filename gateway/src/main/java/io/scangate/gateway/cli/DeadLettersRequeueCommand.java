package io.scangate.gateway.cli;

import io.scangate.gateway.config.ConfigException;
import io.scangate.gateway.config.ConfigLoader;
import io.scangate.gateway.host.DriverRegistry;
import io.scangate.gateway.journal.DeadLetterRequeuer;
import io.scangate.gateway.journal.JournalFullException;
import io.scangate.gateway.journal.JournalLockedException;
import io.scangate.gateway.journal.JournalSettings;
import io.scangate.gateway.journal.Requeue;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Appends dead letters' payloads, unchanged, to their original lanes as new stored entries, for a stopped
 * gateway; its next start publishes them. Exit 0 when everything selected was requeued, 1 when the journal
 * could not be opened (a running gateway) or filled up on the way, 2 when the selection names ids that
 * cannot be requeued (nothing is done then).
 */
@Command(name = "requeue", mixinStandardHelpOptions = true,
        description = "Append dead letters unchanged (same event id) to their lanes again; the next gateway start"
                + " publishes them. The gateway must be stopped: this takes the journal's lock.")
public final class DeadLettersRequeueCommand implements Callable<Integer> {

    static final class Selection {
        @Option(names = "--id", paramLabel = "N", required = true, description = "A dead letter's journal id (repeatable).")
        List<Long> ids;

        @Option(names = "--all", required = true, description = "Every dead letter not yet requeued.")
        boolean all;
    }

    @Option(names = "--journal", required = true, paramLabel = "DIR", description = "The journal directory.")
    Path journal;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Selection selection;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The gateway's YAML configuration, whose journal quotas and record limit apply"
                    + " (default: the journal defaults). Its journal.directory is ignored in favour of --journal.")
    Path config;

    @Option(names = "--dry-run", description = "Print what would be requeued; reads only, takes no lock.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    private PrintWriter out;
    private PrintWriter err;

    @Override
    public Integer call() throws InterruptedException {
        out = spec.commandLine().getOut();
        err = spec.commandLine().getErr();
        try {
            return requeue();
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int requeue() throws InterruptedException {
        if (!Files.isDirectory(journal)) {
            err.printf("%s: not a directory (give the gateway's journal.directory)%n", journal);
            return 2;
        }
        JournalSettings settings;
        try {
            settings = settings();
        } catch (ConfigException e) {
            CheckConfigCommand.printProblems(err, config, e);
            return 2;
        }
        List<DeadLetterView> views;
        try {
            views = DeadLettersListCommand.read(journal);
        } catch (IOException e) {
            err.printf("%s: cannot read the dead letters: %s%n", journal, e.getMessage());
            return 1;
        }
        List<DeadLetterView> selected = select(views);
        if (selected == null) {
            return 2;
        }
        if (dryRun) {
            selected.forEach(view -> out.printf("would requeue %d lane=%s %s%n", view.letter().id(),
                    view.letter().lane(), view.identity()));
            out.printf("would requeue %d dead letter(s); nothing written%n", selected.size());
            return 0;
        }
        try (DeadLetterRequeuer requeuer = DeadLetterRequeuer.open(settings, null, Clock.systemUTC())) {
            return requeue(requeuer, selected);
        } catch (JournalLockedException e) {
            err.printf("%s; stop the gateway first (requeue needs the journal to itself;"
                    + " 'dead-letters list' works while it runs)%n", e.getMessage());
            return 1;
        } catch (IOException e) {
            err.printf("%s: cannot open the journal: %s%n", journal, e.getMessage());
            return 1;
        }
    }

    private int requeue(DeadLetterRequeuer requeuer, List<DeadLetterView> selected) throws InterruptedException {
        int done = 0;
        for (DeadLetterView view : selected) {
            try {
                Requeue requeue = requeuer.requeue(view.letter().id());
                done++;
                out.printf("requeued %d -> %d lane=%s %s%n", requeue.deadLetterId(), requeue.newId(),
                        view.letter().lane(), view.identity());
            } catch (JournalFullException | IllegalArgumentException | IOException e) {
                err.printf("requeue of %d failed: %s; requeued %d of %d, the rest are still dead letters%n",
                        view.letter().id(), e.getMessage(), done, selected.size());
                out.printf("requeued %d dead letter(s)%n", done);
                return 1;
            }
        }
        out.printf("requeued %d dead letter(s); the gateway publishes them at its next start%n", done);
        return 0;
    }

    /** What to requeue in id order (which keeps each lane's order), or null after naming the ids refused. */
    private List<DeadLetterView> select(List<DeadLetterView> views) {
        if (selection.all) {
            List<DeadLetterView> chosen = new ArrayList<>();
            for (DeadLetterView view : views) {
                if (view.requeue() == null && view.letter().payload().length == 0) {
                    out.printf("skipped %d: no payload (unreadable when dead-lettered)%n", view.letter().id());
                } else if (view.requeue() == null) {
                    chosen.add(view);
                }
            }
            chosen.sort(Comparator.comparingLong(view -> view.letter().id()));
            return chosen;
        }
        Map<Long, DeadLetterView> byId = views.stream()
                .collect(Collectors.toMap(view -> view.letter().id(), Function.identity(), (a, b) -> a));
        List<String> refused = new ArrayList<>();
        List<DeadLetterView> chosen = new ArrayList<>();
        for (long id : new TreeSet<>(selection.ids)) {
            DeadLetterView view = byId.get(id);
            if (view == null) {
                refused.add(id + ": not a dead letter of this journal");
            } else if (view.requeue() != null) {
                refused.add(id + ": already requeued as " + view.requeue().newId() + " at " + view.requeue().at());
            } else if (view.letter().payload().length == 0) {
                refused.add(id + ": no payload (unreadable when dead-lettered)");
            } else {
                chosen.add(view);
            }
        }
        if (!refused.isEmpty()) {
            err.printf("refused %d id(s), nothing requeued:%n", refused.size());
            refused.forEach(problem -> err.println("  " + problem));
            return null;
        }
        return chosen;
    }

    private JournalSettings settings() throws ConfigException {
        if (config == null) {
            return JournalSettings.defaults(journal);
        }
        JournalSettings configured = new ConfigLoader(DriverRegistry.fromClassPath()).load(config)
                .gateway().journal().toSettings();
        return new JournalSettings(journal, configured.maxBytes(), configured.maxEntries(), configured.segmentBytes(),
                configured.maxRecordBytes(), configured.commitInterval(), configured.maxBatchBytes(),
                configured.maxPendingBytes());
    }
}
