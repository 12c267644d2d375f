package io.scangate.driver.dicos;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs dcmtk's command-line tools (the real peer of these tests) and sha256sum, each under a timeout. */
final class Dcmtk {

    record Result(int exitCode, String output) {
    }

    private static final long TIMEOUT_SECONDS = 60;

    private Dcmtk() {
    }

    static Result run(Path workDirectory, String tool, String... arguments) throws IOException, InterruptedException {
        requireInstalled(tool);
        List<String> command = new ArrayList<>();
        command.add(tool);
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(workDirectory, tool, ".log");
        Process process = new ProcessBuilder(command).directory(workDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(tool + " did not finish within " + TIMEOUT_SECONDS + " s: " + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private static void requireInstalled(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, tool))) {
                return;
            }
        }
        String install = tool.equals("sha256sum") ? "it is part of GNU coreutils (`sudo apt-get install coreutils`)"
                : "these tests talk to dcmtk, the reference DICOM implementation; install it with"
                        + " `sudo apt-get install dcmtk` (Debian/Ubuntu) or `brew install dcmtk` (macOS)";
        fail(tool + " not found on PATH: " + install);
    }
}
