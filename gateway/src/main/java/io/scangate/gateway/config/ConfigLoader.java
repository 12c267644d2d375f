package io.scangate.gateway.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.scangate.driver.DriverConfig;
import io.scangate.driver.DriverFactory;
import io.scangate.gateway.host.DriverRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the YAML file into typed records and checks it as a whole, so that a gateway never starts
 * half-configured. Every message names the key (e.g. {@code devices[2].transport.port}) and the fix.
 */
public final class ConfigLoader {

    private final ObjectMapper mapper;
    private final DriverRegistry drivers;

    public ConfigLoader(DriverRegistry drivers) {
        this.drivers = drivers;
        SimpleModule units = new SimpleModule("scangate-units");
        units.addDeserializer(Duration.class, new FromText<>(Durations::parse));
        units.addDeserializer(DataSize.class, new FromText<>(DataSize::parse));
        this.mapper = new ObjectMapper(new YAMLFactory())
                .registerModule(units)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }

    public LoadedConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(List.of(file + ": cannot read the config file (" + e.getMessage() + ")"));
        }
        return parse(text);
    }

    public LoadedConfig parse(String yaml) throws ConfigException {
        if (yaml.isBlank()) {
            throw new ConfigException(List.of("the config file is empty: start from config/example.yaml"));
        }
        GatewayConfig config;
        try {
            config = mapper.readValue(yaml, GatewayConfig.class);
        } catch (JsonProcessingException e) {
            throw new ConfigException(List.of(describe("", e)));
        }
        if (config == null) {
            throw new ConfigException(List.of("the config file is empty: start from config/example.yaml"));
        }
        List<String> problems = new ArrayList<>(ConfigRules.check(config));
        List<BoundDevice> bound = new ArrayList<>();
        for (int i = 0; i < config.devices().size(); i++) {
            bindDevice("devices[" + i + "]", config.devices().get(i), problems, bound);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new LoadedConfig(config, List.copyOf(bound));
    }

    private void bindDevice(String key, DeviceConfig device, List<String> problems, List<BoundDevice> bound) {
        if (device.driver() == null) {
            return;
        }
        DriverFactory<?> factory = drivers.find(device.driver());
        if (factory == null) {
            problems.add(key + ".driver: unknown driver '" + device.driver() + "' (installed: "
                    + String.join(", ", drivers.all().keySet()) + ")");
            return;
        }
        JsonNode params = device.params() == null ? mapper.createObjectNode() : device.params();
        DriverConfig typed;
        try {
            typed = mapper.treeToValue(params, factory.configType());
        } catch (JsonProcessingException e) {
            problems.add(describe(key + ".params", e));
            return;
        }
        typed.validate().forEach(p -> problems.add(key + ".params." + p));
        String transportKind = TransportKinds.of(device.transport());
        if (transportKind != null && !factory.transports().contains(TransportKinds.toKind(transportKind))) {
            problems.add(key + ".transport.kind: driver '" + factory.type() + "' cannot run over '" + transportKind
                    + "' (it supports " + factory.transports().stream().map(TransportKinds::name)
                    .collect(Collectors.joining(", ")) + ")");
        }
        bound.add(new BoundDevice(device, factory, typed));
    }

    private static String describe(String prefix, JsonProcessingException e) {
        String path = e instanceof JsonMappingException m ? join(prefix, m.getPathReference()) : prefix;
        String where = path.isEmpty() ? "config" : path;
        if (e instanceof UnrecognizedPropertyException u) {
            String parent = where.endsWith("." + u.getPropertyName())
                    ? where.substring(0, where.length() - u.getPropertyName().length() - 1)
                    : where.equals(u.getPropertyName()) ? "config" : where;
            return parent + ": unknown key '" + u.getPropertyName() + "' (known keys: "
                    + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))
                    + ")";
        }
        if (e instanceof InvalidFormatException f) {
            return where + ": '" + f.getValue() + "' is not a valid " + f.getTargetType().getSimpleName();
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return where + ": " + v.getCause().getMessage();
        }
        if (e instanceof MismatchedInputException m) {
            return where + ": expected " + (m.getTargetType() == null ? "another value" : describeType(m.getTargetType()));
        }
        if (e instanceof JsonMappingException m && m.getCause() instanceof IllegalArgumentException arg) {
            return where + ": " + arg.getMessage();
        }
        String location = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
        return where + ": not valid YAML" + location + " (" + e.getOriginalMessage() + ")";
    }

    private static String describeType(Class<?> type) {
        if (type == List.class) {
            return "a list";
        }
        if (type.isRecord()) {
            return "a section of keys";
        }
        return "a " + type.getSimpleName();
    }

    private static String join(String prefix, String jacksonPath) {
        // Jackson writes paths as "io.scangate...GatewayConfig[\"devices\"]->java.util.ArrayList[0]->...".
        StringBuilder key = new StringBuilder(prefix);
        for (String step : jacksonPath.split("->")) {
            int open = step.indexOf('[');
            if (open < 0) {
                continue;
            }
            String inside = step.substring(open + 1, step.length() - 1);
            if (inside.startsWith("\"")) {
                String name = inside.substring(1, inside.length() - 1);
                key.append(key.length() == 0 ? "" : ".").append(name);
            } else {
                key.append('[').append(inside).append(']');
            }
        }
        return key.toString();
    }

    /** Values written as text in the file ({@code 10s}, {@code 64MiB}). */
    private static final class FromText<T> extends JsonDeserializer<T> {
        private final java.util.function.Function<String, T> parse;

        FromText(java.util.function.Function<String, T> parse) {
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            if (text == null) {
                return ctxt.reportInputMismatch(this, "expected text such as 10s or 64MiB");
            }
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw JsonMappingException.from(p, e.getMessage(), e);
            }
        }
    }
}
