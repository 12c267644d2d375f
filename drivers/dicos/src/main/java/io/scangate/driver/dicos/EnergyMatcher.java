package io.scangate.driver.dicos;

import io.scangate.proto.v1.EnergyChannel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads an image's dual-energy channel as {@link EnergyConfig} describes: the configured attributes in order,
 * each split into whole tokens, each token looked up ignoring case. The first attribute that names any
 * channel decides: one channel is the answer, two or more are {@link Ambiguous} (the image may be a blend;
 * a wrong channel would mislead an analyst more than none). Built once per device, used on its event loop.
 */
final class EnergyMatcher {

    /** What one dataset says about its channel. */
    sealed interface Match {
        EnergyChannel channel();
    }

    /** No configured attribute names a channel (single-energy scanners, reports): nothing to say. */
    record NotFound() implements Match {
        @Override
        public EnergyChannel channel() {
            return EnergyChannel.ENERGY_CHANNEL_UNSPECIFIED;
        }
    }

    record Found(EnergyChannel channel, String keyword, String value) implements Match {
    }

    /** The deciding attribute names several channels: left unspecified and reported. */
    record Ambiguous(Set<EnergyChannel> channels, String keyword, String value) implements Match {
        @Override
        public EnergyChannel channel() {
            return EnergyChannel.ENERGY_CHANNEL_UNSPECIFIED;
        }

        String describe() {
            return keyword + " '" + value + "' names " + channels.stream().map(EnergyMatcher::shortName)
                    .collect(Collectors.joining(" and ")) + "; energy left unspecified";
        }
    }

    static final Match NOT_FOUND = new NotFound();

    /** Image Type values 1 and 2 say ORIGINAL/DERIVED and PRIMARY/SECONDARY (PS3.3 C.7.6.1.1.2), never energy. */
    private static final int IMAGE_TYPE_VALUES_BEFORE_ENERGY = 2;

    private final List<String> keywords;
    private final Map<String, EnergyChannel> channelOfToken = new HashMap<>();

    /** {@code config} must be valid ({@link EnergyConfig#validate()}). */
    EnergyMatcher(EnergyConfig config) {
        this.keywords = List.copyOf(config.attributes());
        config.tokens().forEach((channel, words) -> words.forEach(
                word -> channelOfToken.put(EnergyConfig.normalise(word), EnergyConfig.CHANNELS.get(channel))));
    }

    Match match(DatasetAttributes dataset) {
        for (String keyword : keywords) {
            int tag = EnergyConfig.SEARCHABLE.get(keyword);
            if (!dataset.has(tag)) {
                continue;
            }
            String value = dataset.string(tag);
            Set<EnergyChannel> named = EnumSet.noneOf(EnergyChannel.class);
            for (String token : tokens(tag, value)) {
                EnergyChannel channel = channelOfToken.get(EnergyConfig.normalise(token));
                if (channel != null) {
                    named.add(channel);
                }
            }
            if (named.size() == 1) {
                return new Found(named.iterator().next(), keyword, value);
            }
            if (named.size() > 1) {
                return new Ambiguous(named, keyword, value);
            }
        }
        return NOT_FOUND;
    }

    /** The whole words of a value: split on the value separator, free text (not CS) also on white space. */
    private static List<String> tokens(int tag, String value) {
        String[] values = value.split("\\\\", -1);
        int from = tag == Tags.IMAGE_TYPE ? Math.min(IMAGE_TYPE_VALUES_BEFORE_ENERGY, values.length) : 0;
        List<String> tokens = new ArrayList<>();
        for (int i = from; i < values.length; i++) {
            if (tag == Tags.IMAGE_TYPE) {
                tokens.add(values[i].strip());
            } else {
                for (String word : values[i].strip().split("\\s+")) {
                    tokens.add(word);
                }
            }
        }
        return tokens;
    }

    /** HIGH for ENERGY_CHANNEL_HIGH: the name used in the config and in logs. */
    static String shortName(EnergyChannel channel) {
        return channel.name().substring("ENERGY_CHANNEL_".length());
    }
}
