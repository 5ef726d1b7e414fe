package dev.fluxo.cli.diagram;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ArchitectureDiagramTest {
    static ResourceNode node(String type, String name, String component, Map<String, Object> inputs) {
        return new ResourceNode(type + "::" + name, type, name, component, inputs);
    }

    static final ResourceNode DATABASE = node("aws:rds/instance:Instance", "source-instance", "SourceDatabase source",
            Map.of("identifier", "fluxo-dev-source", "instanceClass", "db.t4g.micro"));
    static final ResourceNode PRODUCER = node("aws:lambda/function:Function", "producer-function", "JavaFunction producer",
            Map.of("name", "fluxo-dev-producer", "environment", Map.of("variables",
                    Map.of("FLUXO_DB_HOST", "fluxo-dev-source.abc123.us-east-1.rds.amazonaws.com"))));
    static final ResourceNode STREAM = node("aws:kinesis/stream:Stream", "events-stream", "EventStream events",
            Map.of("name", "fluxo-dev-events"));
    static final ResourceNode TRANSFORM = node("aws:lambda/function:Function", "transform-function", "JavaFunction transform",
            Map.of("name", "fluxo-dev-transform"));
    static final ResourceNode MAPPING = node("aws:lambda/eventSourceMapping:EventSourceMapping", "transform-source",
            "JavaFunction transform", Map.of("eventSourceArn", "arn:aws:kinesis:us-east-1:123456789012:stream/fluxo-dev-events",
                    "functionName", "arn:aws:lambda:us-east-1:123456789012:function:fluxo-dev-transform:live"));
    static final ResourceNode ALARM = node("aws:cloudwatch/metricAlarm:MetricAlarm", "source-cpu", "SourceDatabase source",
            Map.of("dimensions", Map.of("DBInstanceIdentifier", "fluxo-dev-source")));

    private static ArchitectureDiagram diagram(ResourceNode... nodes) {
        return ArchitectureDiagram.of(new ResourceGraph(List.of(nodes)));
    }

    private static List<String> arrows(ArchitectureDiagram d) {
        return d.arrows().stream().map(a -> a.from().resource().name() + " -> " + a.to().resource().name() + " : " + a.label())
                .toList();
    }

    @Test
    void anInputNamingAnotherResourceBecomesAnArrowAlongTheDataPath() {
        var d = diagram(DATABASE, PRODUCER);

        assertThat(arrows(d)).containsExactly("producer-function -> source-instance : FLUXO_DB_HOST");
    }

    @Test
    void aMappingBetweenTwoDrawnResourcesLinksThemInTheDirectionDataFlows() {
        // The mapping references the stream and the function; the stream comes first on the data path.
        var d = diagram(STREAM, TRANSFORM, MAPPING);

        assertThat(arrows(d)).containsExactly("events-stream -> transform-function : via lambda/EventSourceMapping");
    }

    @Test
    void plumbingIsCountedInItsComponentNotDrawn() {
        var d = diagram(DATABASE, ALARM, PRODUCER);

        var source = d.groups().stream().filter(g -> g.title().equals("SourceDatabase source")).findFirst().orElseThrow();
        assertThat(source.boxes()).extracting(b -> b.resource().name()).containsExactly("source-instance");
        assertThat(source.collapsed()).containsExactly(Map.entry("cloudwatch/MetricAlarm", 1L));
        assertThat(d.arrows()).noneMatch(a -> a.from().resource() == ALARM || a.to().resource() == ALARM);
    }

    @Test
    void aNameSharedByTwoResourcesIsNoReference() {
        var first = node("aws:lambda/alias:Alias", "producer-live", "JavaFunction producer", Map.of("name", "live"));
        var second = node("aws:lambda/alias:Alias", "transform-live", "JavaFunction transform", Map.of("name", "live"));
        var user = node("aws:cloudwatch/eventTarget:EventTarget", "target", "JavaFunction producer",
                Map.of("arn", "arn:aws:lambda:us-east-1:123456789012:function:x:live"));

        var graph = new ResourceGraph(List.of(first, second, user));

        assertThat(graph.references()).isEmpty();
    }
}
