package io.scangate.gateway;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A counter kept beside the journal and raised on every start, so that consumers can tell a restart
 * (new epoch, sequence from 1) from a gap (same epoch, missing sequence numbers).
 */
final class BootEpoch {

    private BootEpoch() {
    }

    static long next(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("boot-epoch");
        long previous = 0;
        if (Files.exists(file)) {
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            try {
                previous = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IOException(file + " is corrupt ('" + text + "'): fix or delete it to start a new epoch series", e);
            }
        }
        long epoch = previous + 1;
        Path tmp = directory.resolve("boot-epoch.tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap((epoch + "\n").getBytes(StandardCharsets.US_ASCII)));
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return epoch;
    }
}
