package dev.fluxo.cli.cost;

import dev.fluxo.components.jobs.WorkerSize;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lambda functions, the EMR Serverless streaming job, its Step Functions supervisor and its schedule. */
final class ComputePrices {
    static final String FUNCTION = "aws:lambda/function:Function";
    static final String EVENT_SOURCE_MAPPING = "aws:lambda/eventSourceMapping:EventSourceMapping";
    static final String EVENT_RULE = "aws:cloudwatch/eventRule:EventRule";
    static final String EVENT_TARGET = "aws:cloudwatch/eventTarget:EventTarget";
    static final String EMR_SERVERLESS = "aws:emrserverless/application:Application";
    static final String STATE_MACHINE = "aws:sfn/stateMachine:StateMachine";
    static final String SCHEDULE = "aws:scheduler/schedule:Schedule";
    /** Lambda's batch size when an event source mapping sets none. */
    static final double DEFAULT_BATCH_SIZE = 100;
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(\\d+(?:\\.\\d+)?)");

    private ComputePrices() {
    }

    static void register(Map<String, Pricer> pricers) {
        pricers.put(FUNCTION, ComputePrices::function);
        pricers.put(EMR_SERVERLESS, ComputePrices::emrServerless);
        pricers.put(STATE_MACHINE, ComputePrices::stateMachine);
        pricers.put(SCHEDULE, (r, c) -> new Pricing().idle(c.charge("invocations",
                c.runsPerMonth(r.string("scheduleExpression").orElse("")).orElse(0.0) / 1_000_000, "M",
                "scheduler.invocationsMillion")));
    }

    private static Pricing function(PricedResource r, PricingContext c) {
        var name = r.string("name").orElse(r.name());
        var memoryGb = r.number("memorySize", 128) / 1024;
        var arch = r.input("architectures").map(String::valueOf).filter(a -> a.contains("arm64")).isPresent()
                ? "arm64" : "x86_64";
        var invocations = 0.0;
        var triggers = new java.util.ArrayList<String>();
        for (var mapping : c.ofType(EVENT_SOURCE_MAPPING)) {
            if (invokes(mapping.string("functionName").orElse(""), name)) {
                var batch = mapping.number("batchSize", DEFAULT_BATCH_SIZE);
                invocations += c.load().changesPerMonth() / batch;
                triggers.add("stream batches of " + Money.quantity(batch));
            }
        }
        for (var target : c.ofType(EVENT_TARGET)) {
            if (invokes(target.string("arn").orElse(""), name)) {
                var runs = scheduleOf(target, c).flatMap(c::runsPerMonth);
                runs.ifPresent(n -> triggers.add("schedule"));
                invocations += runs.orElse(0.0);
            }
        }
        var seconds = invocations * c.load().lambdaDurationMs() / 1000;
        var pricing = new Pricing()
                .atLoad(c.charge("requests", invocations / 1_000_000, "M", "lambda.requestsMillion"))
                .atLoad(c.charge(Money.quantity(memoryGb * 1024) + " MB × " + Money.quantity(c.load().lambdaDurationMs())
                        + " ms", seconds * memoryGb, "GB-s", "lambda.gbSecond." + arch))
                .note("idle: no invocations; at load: " + (triggers.isEmpty() ? "no trigger found in the plan"
                        : String.join(" + ", triggers)));
        if (r.input("snapStart").isPresent()) {
            pricing.note("SnapStart for Java: no cache or restore charge");
        }
        return pricing;
    }

    /** A function reference ({@code name}, ARN, alias ARN) that points at this function. */
    private static boolean invokes(String reference, String functionName) {
        return reference.equals(functionName) || reference.endsWith(":function:" + functionName)
                || reference.contains(":function:" + functionName + ":");
    }

    private static Optional<String> scheduleOf(PricedResource target, PricingContext c) {
        var rule = target.string("rule").orElse("");
        return c.ofType(EVENT_RULE).stream().filter(r -> rule.equals(r.string("name").orElse(r.name())))
                .findFirst().flatMap(r -> r.string("scheduleExpression"));
    }

    /** Runs a month of the job in the same component, or empty when it runs continuously (no schedule). */
    private static Optional<Double> scheduledRuns(PricedResource r, PricingContext c) {
        return c.ofType(SCHEDULE).stream().filter(s -> s.component().equals(r.component())).findFirst()
                .flatMap(s -> c.runsPerMonth(s.string("scheduleExpression").orElse("")));
    }

    private static Pricing emrServerless(PricedResource r, PricingContext c) {
        var workers = c.assumption("jobWorkers");
        var definition = c.ofType(STATE_MACHINE).stream().filter(s -> s.component().equals(r.component())).findFirst()
                .flatMap(s -> s.string("definition")).orElse("");
        var workerVcpu = sparkConf(definition, "spark.executor.cores", "").orElse(c.assumption("jobWorkerVcpu"));
        var workerMemoryGb = sparkConf(definition, "spark.executor.memory", "m")
                .map(heap -> (double) WorkerSize.workerMemoryGb(heap))
                .orElse(c.assumption("jobWorkerMemoryGb"));
        var vcpu = Math.min(workers * workerVcpu, leadingNumber(r.string("maximumCapacity.cpu"))
                .orElse(Double.MAX_VALUE));
        var memory = Math.min(workers * workerMemoryGb, leadingNumber(r.string("maximumCapacity.memory"))
                .orElse(Double.MAX_VALUE));
        var runs = scheduledRuns(r, c);
        var hours = runs.map(n -> n * c.assumption("scheduledRunMinutes") / 60).orElse(c.hours());
        var profile = runs.map(n -> "scheduled: " + Money.quantity(Math.round(n)) + " runs × "
                        + Money.quantity(c.assumption("scheduledRunMinutes")) + " min")
                .orElse("continuous: " + Money.quantity(c.hours()) + " h");
        return new Pricing()
                .idle(c.charge(profile + ", " + Money.quantity(vcpu) + " vCPU", vcpu * hours, "vCPU-h", "emrServerless.vcpuHour"))
                .idle(c.charge(Money.quantity(memory) + " GB", memory * hours, "GB-h", "emrServerless.gbHour"))
                .note("the job runs whether or not changes arrive, so idle equals load");
    }

    private static Pricing stateMachine(PricedResource r, PricingContext c) {
        var runs = scheduledRuns(r, c);
        var perRun = c.assumption("stateTransitionsPerRun");
        return new Pricing().idle(c.charge(runs.map(n -> Money.quantity(Math.round(n)) + " runs × " + Money.quantity(perRun)
                        + " transitions").orElse("continuous supervisor (restarts only)"),
                runs.orElse(0.0) * perRun / 1000, "k transitions", "stepFunctions.transitionsThousand"));
    }

    /** A numeric {@code --conf key=<n><unit>} of the run's spark-submit parameters in the supervisor definition. */
    private static Optional<Double> sparkConf(String definition, String key, String unit) {
        var m = Pattern.compile(Pattern.quote(key) + "=(\\d+)" + unit + "\\b").matcher(definition);
        return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
    }

    private static Optional<Double> leadingNumber(Optional<String> text) {
        return text.map(LEADING_NUMBER::matcher).filter(Matcher::find).map(m -> Double.parseDouble(m.group(1)));
    }
}
