package io.scangate.driver.dicos;

import io.scangate.proto.v1.EnergyChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code params.energy:} section of a {@code dicos} device: where an image says which dual-energy channel
 * it is ({@link EnergyMatcher}). DICOS has no attribute every vendor sets for it, so a site names its vendor's
 * convention here; the defaults read Image Type value 3 and beyond, the coded values DICOM leaves to the
 * modality and implementation (the simulator writes {@code ORIGINAL\PRIMARY\HIGH}).
 *
 * @param attributes DICOM keywords searched in order, each one of {@link #SEARCHABLE} (default
 *     {@code [ImageType]}); {@code []} never maps the channel
 * @param tokens per channel (HIGH, LOW, ZEFF, MATERIAL) the whole words that name it, compared ignoring case;
 *     a channel given here replaces its default list ({@code []} turns it off), channels left out keep theirs
 */
public record EnergyConfig(List<String> attributes, Map<String, List<String>> tokens) {

    /** The keywords {@code attributes} may name: text attributes the driver captures (≤ 1 KiB each). */
    static final Map<String, Integer> SEARCHABLE = ordered(List.of(
            Map.entry("ImageType", Tags.IMAGE_TYPE),
            Map.entry("SeriesDescription", Tags.SERIES_DESCRIPTION)));

    /** The channels {@code tokens} may name, as the contract's {@link EnergyChannel}. */
    static final Map<String, EnergyChannel> CHANNELS = ordered(List.of(
            Map.entry("HIGH", EnergyChannel.ENERGY_CHANNEL_HIGH),
            Map.entry("LOW", EnergyChannel.ENERGY_CHANNEL_LOW),
            Map.entry("ZEFF", EnergyChannel.ENERGY_CHANNEL_ZEFF),
            Map.entry("MATERIAL", EnergyChannel.ENERGY_CHANNEL_MATERIAL)));

    public static final List<String> DEFAULT_ATTRIBUTES = List.of("ImageType");

    /** Z_EFF is DICOM's own term for effective atomic number (Rescale Type); the others are common usage. */
    public static final Map<String, List<String>> DEFAULT_TOKENS = ordered(List.of(
            Map.entry("HIGH", List.of("HIGH", "HIGH_ENERGY", "HE")),
            Map.entry("LOW", List.of("LOW", "LOW_ENERGY", "LE")),
            Map.entry("ZEFF", List.of("ZEFF", "Z_EFF")),
            Map.entry("MATERIAL", List.of("MATERIAL", "MAT"))));

    public EnergyConfig {
        // Copied without List.copyOf, which refuses nulls: a null entry is reported by validate(), not thrown.
        attributes = attributes == null ? DEFAULT_ATTRIBUTES
                : Collections.unmodifiableList(new ArrayList<>(attributes));
        Map<String, List<String>> merged = new LinkedHashMap<>(DEFAULT_TOKENS);
        if (tokens != null) {
            tokens.forEach((channel, words) -> merged.put(channel,
                    words == null ? null : Collections.unmodifiableList(new ArrayList<>(words))));
        }
        tokens = Collections.unmodifiableMap(merged);
    }

    public static EnergyConfig defaults() {
        return new EnergyConfig(null, null);
    }

    /** Problems as {@code energy.key: problem (fix)}, keys relative to {@code params}. */
    List<String> validate() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
            String keyword = attributes.get(i);
            String key = "energy.attributes[" + i + "]";
            if (keyword == null || !SEARCHABLE.containsKey(keyword)) {
                problems.add(key + ": '" + keyword + "' is not an attribute the driver can search (use one of "
                        + String.join(", ", SEARCHABLE.keySet()) + ")");
            } else if (attributes.indexOf(keyword) < i) {
                problems.add(key + ": '" + keyword + "' is listed twice (name each attribute once)");
            }
        }
        Map<String, String> channelOfToken = new HashMap<>();
        tokens.forEach((channel, words) -> {
            String key = "energy.tokens." + channel;
            if (!CHANNELS.containsKey(channel)) {
                problems.add("energy.tokens: unknown channel '" + channel + "' (use "
                        + String.join(", ", CHANNELS.keySet()) + ")");
                return;
            }
            if (words == null) {
                problems.add(key + ": must be a list of tokens (e.g. " + DEFAULT_TOKENS.get(channel)
                        + "; [] turns the channel off)");
                return;
            }
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                String problem = tokenProblem(word);
                if (problem != null) {
                    problems.add(key + "[" + i + "]: " + problem);
                    continue;
                }
                String other = channelOfToken.putIfAbsent(normalise(word), channel);
                if (other != null && !other.equals(channel)) {
                    problems.add(key + "[" + i + "]: '" + word + "' already names " + other
                            + " (a token may name one channel only)");
                }
            }
        });
        return problems;
    }

    /** The token as matched: upper case, so that comparisons ignore case. */
    static String normalise(String token) {
        return token.toUpperCase(Locale.ROOT);
    }

    private static String tokenProblem(String token) {
        if (token == null || token.isBlank()) {
            return "a token may not be empty (e.g. HIGH)";
        }
        for (char c : token.toCharArray()) {
            if (Character.isWhitespace(c) || c == '\\') {
                return "'" + token + "' holds a space or backslash, which separate tokens (use a single word,"
                        + " e.g. HIGH_ENERGY)";
            }
        }
        return null;
    }

    /** Keeps the order in which keys are documented, for messages and for {@code scangate drivers}. */
    private static <V> Map<String, V> ordered(List<Map.Entry<String, V>> entries) {
        Map<String, V> map = new LinkedHashMap<>();
        entries.forEach(entry -> map.put(entry.getKey(), entry.getValue()));
        return Collections.unmodifiableMap(map);
    }
}
