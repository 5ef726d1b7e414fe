package dev.fluxo.transform.service.config;

import dev.fluxo.transform.service.poll.TransformPoller;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where the change topic is and how to reach it, from the {@code FLUXO_KAFKA_*} variables the Kubernetes
 * {@code TransformDeployment} sets: bootstrap servers and topic (required), group (default {@value #DEFAULT_GROUP_ID}),
 * {@code PLAINTEXT} or {@code SSL} (default {@value #DEFAULT_SECURITY_PROTOCOL}) and, for mutual TLS, a keystore and a
 * truststore ({@link Store}: location, type default {@value #DEFAULT_STORE_TYPE}, password) as a Strimzi
 * {@code KafkaUser} and the cluster CA provide them. Each maps to the Kafka consumer property of the same name
 * ({@code FLUXO_KAFKA_SSL_KEYSTORE_LOCATION} is {@code ssl.keystore.location}).
 *
 * @param topic              the change topic
 * @param consumerProperties the Kafka consumer's properties (passwords included: never print them, see
 *                           {@link #toString()})
 */
public record KafkaSource(String topic, Map<String, String> consumerProperties) {
    public static final String BOOTSTRAP_SERVERS = "FLUXO_KAFKA_BOOTSTRAP_SERVERS";
    public static final String TOPIC = "FLUXO_KAFKA_TOPIC";
    public static final String GROUP_ID = "FLUXO_KAFKA_GROUP_ID";
    public static final String SECURITY_PROTOCOL = "FLUXO_KAFKA_SECURITY_PROTOCOL";
    /** The consumer group when {@value #GROUP_ID} is unset: the one the local target and the Lambda mapping use. */
    public static final String DEFAULT_GROUP_ID = TransformPoller.GROUP;
    public static final String DEFAULT_SECURITY_PROTOCOL = "PLAINTEXT";
    /** The protocols a transform speaks: no SASL (Strimzi's transform user authenticates with its certificate). */
    public static final Set<String> SECURITY_PROTOCOLS = Set.of("PLAINTEXT", "SSL");
    /** A store's type when its {@code _TYPE} variable is unset: what Strimzi puts in its secrets. */
    public static final String DEFAULT_STORE_TYPE = "PKCS12";
    public static final Set<String> STORE_TYPES = Set.of("PKCS12", "JKS");

    private static final String PREFIX = "FLUXO_KAFKA_";

    /** A TLS store: its variables ({@code <prefix>_LOCATION/_TYPE/_PASSWORD}) and its consumer properties. */
    public enum Store {
        /** The client's certificate and key (mutual TLS). */
        KEYSTORE("FLUXO_KAFKA_SSL_KEYSTORE", "ssl.keystore"),
        /** The certificates the broker's is checked against (the cluster CA). */
        TRUSTSTORE("FLUXO_KAFKA_SSL_TRUSTSTORE", "ssl.truststore");

        private final String variablePrefix;
        private final String propertyPrefix;

        Store(String variablePrefix, String propertyPrefix) {
            this.variablePrefix = variablePrefix;
            this.propertyPrefix = propertyPrefix;
        }

        public String location() {
            return variablePrefix + "_LOCATION";
        }

        public String type() {
            return variablePrefix + "_TYPE";
        }

        public String password() {
            return variablePrefix + "_PASSWORD";
        }

        List<String> variables() {
            return List.of(location(), type(), password());
        }

        /** The consumer property a variable of this store maps to ({@code _LOCATION} → {@code .location}). */
        String property(String variable) {
            return propertyPrefix + "." + variable.substring(variablePrefix.length() + 1).toLowerCase(Locale.ROOT);
        }
    }

    /** Every {@code FLUXO_KAFKA_*} variable the service reads; any other one is reported as unknown. */
    public static List<String> variables() {
        List<String> all = new ArrayList<>(List.of(BOOTSTRAP_SERVERS, TOPIC, GROUP_ID, SECURITY_PROTOCOL));
        for (Store store : Store.values()) {
            all.addAll(store.variables());
        }
        return all;
    }

    /** Reads the variables, adding one line per missing or invalid one to {@code problems} (then returns null). */
    static KafkaSource read(Map<String, String> env, List<String> problems) {
        int before = problems.size();
        Map<String, String> props = new LinkedHashMap<>();
        String bootstrap = required(env, BOOTSTRAP_SERVERS, "the Kafka brokers, host:port[,host:port...]", problems);
        String topic = required(env, TOPIC, "the change topic to consume", problems);
        props.put("bootstrap.servers", bootstrap);
        props.put("group.id", value(env, GROUP_ID) == null ? DEFAULT_GROUP_ID : value(env, GROUP_ID));
        String protocol = value(env, SECURITY_PROTOCOL) == null ? DEFAULT_SECURITY_PROTOCOL
                : value(env, SECURITY_PROTOCOL).toUpperCase(Locale.ROOT);
        if (!SECURITY_PROTOCOLS.contains(protocol)) {
            problems.add(SECURITY_PROTOCOL + "=" + value(env, SECURITY_PROTOCOL) + " is not one of "
                    + new TreeSet<>(SECURITY_PROTOCOLS));
        }
        props.put("security.protocol", protocol);
        for (Store store : Store.values()) {
            if (protocol.equals("SSL")) {
                readStore(env, store, props, problems);
            } else {
                for (String variable : store.variables()) {
                    if (value(env, variable) != null) {
                        problems.add(variable + " is set but " + SECURITY_PROTOCOL + " is " + protocol
                                + " (set it to SSL to use TLS)");
                    }
                }
            }
        }
        for (String variable : new TreeMap<>(env).keySet()) {
            if (variable.startsWith(PREFIX) && !variables().contains(variable)) {
                problems.add(variable + " is not a variable of the transform service (known: "
                        + String.join(", ", variables()) + ")");
            }
        }
        return problems.size() > before ? null : new KafkaSource(topic, Map.copyOf(props));
    }

    private static void readStore(Map<String, String> env, Store store, Map<String, String> props,
                                  List<String> problems) {
        String location = value(env, store.location());
        if (location == null) {
            for (String variable : List.of(store.type(), store.password())) {
                if (value(env, variable) != null) {
                    problems.add(variable + " is set but " + store.location() + " is not");
                }
            }
            return;
        }
        if (!Files.isReadable(Path.of(location)) || Files.isDirectory(Path.of(location))) {
            problems.add(store.location() + "=" + location + " is not a readable file");
        }
        String type = value(env, store.type()) == null ? DEFAULT_STORE_TYPE
                : value(env, store.type()).toUpperCase(Locale.ROOT);
        if (!STORE_TYPES.contains(type)) {
            problems.add(store.type() + "=" + value(env, store.type()) + " is not one of "
                    + new TreeSet<>(STORE_TYPES));
        }
        String password = required(env, store.password(), "the password of " + store.location(), problems);
        props.put(store.property(store.location()), location);
        props.put(store.property(store.type()), type);
        if (password != null) {
            props.put(store.property(store.password()), password);
        }
    }

    /** The brokers, as {@code bootstrap.servers} names them. */
    public String bootstrapServers() {
        return consumerProperties.get("bootstrap.servers");
    }

    /** The consumer group. */
    public String groupId() {
        return consumerProperties.get("group.id");
    }

    /** The settings with every password shown as {@code [hidden]}. */
    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>(consumerProperties);
        shown.replaceAll((k, v) -> k.endsWith(".password") ? "[hidden]" : v);
        return "KafkaSource[topic=" + topic + ", consumerProperties=" + shown + "]";
    }

    static String required(Map<String, String> env, String variable, String what, List<String> problems) {
        String v = value(env, variable);
        if (v == null) {
            problems.add(variable + " is not set (" + what + ")");
        }
        return v;
    }

    /** A variable's trimmed value; blank counts as unset, as for the transform's own variables. */
    static String value(Map<String, String> env, String variable) {
        String v = env.get(variable);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
