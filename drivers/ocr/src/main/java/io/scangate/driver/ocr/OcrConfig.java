package io.scangate.driver.ocr;

import io.scangate.driver.DriverConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code params:} block of an {@code ocr} device. Every key is optional; a key left out (bound as
 * {@code null}) takes the default named on its component.
 *
 * @param framing {@code HTTP} (default: a JSON webhook) or {@code TCP} (one {@code key=value;...} line per read)
 * @param path HTTP: the webhook's path (default {@code /ocr/reads}); other paths get 404
 * @param maxBodyBytes HTTP: largest request body accepted (default 65536); a larger one gets 413
 * @param bearerTokenFile HTTP: a file holding the token portals must send as {@code Authorization: Bearer ...}
 *     (read once at start-up, surrounding white space ignored); absent = no check
 * @param retryAfter HTTP: the {@code Retry-After} sent with 503 when the journal cannot take a read (default 5s)
 * @param maxPendingRequests HTTP: requests of one connection awaiting the journal at once (default 8); a portal
 *     that pipelines more is read no further until answers go out
 * @param maxLineBytes TCP: longest line accepted (default 4096); a longer one is skipped and counted
 */
public record OcrConfig(
        OcrFraming framing,
        String path,
        Integer maxBodyBytes,
        String bearerTokenFile,
        Duration retryAfter,
        Integer maxPendingRequests,
        Integer maxLineBytes) implements DriverConfig {

    public static final OcrFraming DEFAULT_FRAMING = OcrFraming.HTTP;
    public static final String DEFAULT_PATH = "/ocr/reads";
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_PENDING_REQUESTS = 8;
    public static final int DEFAULT_MAX_LINE_BYTES = 4096;

    public OcrConfig {
        framing = framing == null ? DEFAULT_FRAMING : framing;
        path = path == null ? DEFAULT_PATH : path;
        maxBodyBytes = maxBodyBytes == null ? DEFAULT_MAX_BODY_BYTES : maxBodyBytes;
        retryAfter = retryAfter == null ? DEFAULT_RETRY_AFTER : retryAfter;
        maxPendingRequests = maxPendingRequests == null ? DEFAULT_MAX_PENDING_REQUESTS : maxPendingRequests;
        maxLineBytes = maxLineBytes == null ? DEFAULT_MAX_LINE_BYTES : maxLineBytes;
    }

    public static OcrConfig defaults() {
        return new OcrConfig(null, null, null, null, null, null, null);
    }

    public static OcrConfig tcp() {
        return new OcrConfig(OcrFraming.TCP, null, null, null, null, null, null);
    }

    @Override
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (!path.startsWith("/") || path.contains("?") || path.contains(" ")) {
            problems.add("path: must start with / and hold no query or space, got '" + path + "' (default " + DEFAULT_PATH + ")");
        }
        if (maxBodyBytes < 1024 || maxBodyBytes > 16 * 1024 * 1024) {
            problems.add("maxBodyBytes: must be between 1024 and 16777216, got " + maxBodyBytes
                    + " (a read with two containers and images is under 2 KB; the default is 65536)");
        }
        if (bearerTokenFile != null && tokenProblem(Path.of(bearerTokenFile)) != null) {
            problems.add("bearerTokenFile: " + tokenProblem(Path.of(bearerTokenFile))
                    + " (a readable file holding the token, or leave the key out for no check)");
        }
        if (retryAfter.isNegative() || retryAfter.toSeconds() < 1 || retryAfter.toSeconds() > 3600) {
            problems.add("retryAfter: must be between 1s and 1h, got " + retryAfter + " (the default is 5s)");
        }
        if (maxPendingRequests < 1 || maxPendingRequests > 1024) {
            problems.add("maxPendingRequests: must be between 1 and 1024, got " + maxPendingRequests + " (the default is 8)");
        }
        if (maxLineBytes < 256 || maxLineBytes > 1024 * 1024) {
            problems.add("maxLineBytes: must be between 256 and 1048576, got " + maxLineBytes + " (the default is 4096)");
        }
        return problems;
    }

    /** The token of {@link #bearerTokenFile}, or null when none is configured. Validated at start-up. */
    String bearerToken() {
        if (bearerTokenFile == null) {
            return null;
        }
        try {
            return Files.readString(Path.of(bearerTokenFile)).strip();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("bearerTokenFile: cannot read " + bearerTokenFile + ": " + e.getMessage(), e);
        }
    }

    private static String tokenProblem(Path file) {
        if (!Files.isReadable(file)) {
            return "cannot read " + file;
        }
        try {
            return Files.readString(file).isBlank() ? file + " is empty" : null;
        } catch (java.io.IOException | RuntimeException e) {
            return "cannot read " + file + ": " + e.getMessage();
        }
    }
}
