package dev.fluxo.components.jobs;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import java.util.List;

/**
 * The Amazon States Language definition of the state machine that supervises the EMR Serverless job: no IaC
 * resource keeps an EMR Serverless job running, so Step Functions does, with the
 * {@value #START_JOB_RUN_SYNC} integration (it waits for the run to end and fails when the run fails).
 *
 * <p><b>scheduled</b>: {@code FindActiveRuns} (list the application's unfinished runs) → {@code AlreadyRunning}? skip
 * : {@code RunJob} once. Overlapping runs would share one checkpoint, so a tick that finds a run still going does
 * nothing.
 *
 * <p><b>continuous</b>: {@code FindExecutions} → {@code StopOtherExecutions} (every other running execution of this
 * state machine is stopped, which makes Step Functions cancel its job run: a new jar replaces the old run, and
 * never two runs share the checkpoint) → {@code RunJob} with no execution timeout. When the run ends
 * ({@code JobEnded}) it is started again; when it fails, {@code CountFailure} → {@code Backoff} (a fixed wait) →
 * {@code RunJob}, until {@code maxRestarts} consecutive failures, then {@code GiveUp} fails the execution (the
 * ExecutionsFailed alarm fires).
 */
public final class SupervisorDefinition {
    public static final String START_JOB_RUN_SYNC = "arn:aws:states:::emr-serverless:startJobRun.sync";
    public static final String LIST_JOB_RUNS = "arn:aws:states:::aws-sdk:emrserverless:listJobRuns";
    public static final String LIST_EXECUTIONS = "arn:aws:states:::aws-sdk:sfn:listExecutions";
    public static final String STOP_EXECUTION = "arn:aws:states:::aws-sdk:sfn:stopExecution";
    /** Job run states that still hold (or will hold) the checkpoint. */
    public static final List<String> ACTIVE_RUN_STATES = List.of("SUBMITTED", "PENDING", "SCHEDULED", "RUNNING",
            "QUEUED", "CANCELLING");

    private SupervisorDefinition() {
    }

    /**
     * @param run            what to start
     * @param continuous     restart forever (true) or run once per execution
     * @param maxRestarts    continuous: consecutive failures before giving up
     * @param backoffSeconds continuous: wait before restarting a failed run
     */
    public static String of(JobRun run, boolean continuous, int maxRestarts, int backoffSeconds) {
        var states = new JsonObject();
        var definition = new JsonObject();
        if (continuous) {
            definition.addProperty("Comment", "Keeps the EMR Serverless streaming job " + run.name() + " running");
            definition.addProperty("StartAt", "FindExecutions");
            var find = task(LIST_EXECUTIONS, "StopOtherExecutions");
            var findParameters = new JsonObject();
            findParameters.addProperty("StateMachineArn.$", "$$.StateMachine.Id");
            findParameters.addProperty("StatusFilter", "RUNNING");
            find.add("Parameters", findParameters);
            find.addProperty("ResultPath", "$.running");
            states.add("FindExecutions", find);
            states.add("StopOtherExecutions", stopOthers());
            var reset = new JsonObject();
            reset.addProperty("Type", "Pass");
            var zero = new JsonObject();
            zero.addProperty("failures", 0);
            reset.add("Result", zero);
            reset.addProperty("ResultPath", "$.restart");
            reset.addProperty("Next", "RunJob");
            states.add("ResetFailures", reset);
            var runJob = runJob(run, 0);
            runJob.addProperty("ResultPath", "$.lastRun");
            runJob.addProperty("Next", "ResetFailures");
            var catcher = new JsonObject();
            catcher.add("ErrorEquals", strings(List.of("States.ALL")));
            catcher.addProperty("ResultPath", "$.error");
            catcher.addProperty("Next", "CountFailure");
            var catches = new JsonArray();
            catches.add(catcher);
            runJob.add("Catch", catches);
            states.add("RunJob", runJob);
            var count = new JsonObject();
            count.addProperty("Type", "Pass");
            var counted = new JsonObject();
            counted.addProperty("failures.$", "States.MathAdd($.restart.failures, 1)");
            count.add("Parameters", counted);
            count.addProperty("ResultPath", "$.restart");
            count.addProperty("Next", "TooManyFailures");
            states.add("CountFailure", count);
            states.add("TooManyFailures", choice("$.restart.failures", "NumericGreaterThan", maxRestarts, "GiveUp",
                    "Backoff"));
            var backoff = new JsonObject();
            backoff.addProperty("Type", "Wait");
            backoff.addProperty("Seconds", backoffSeconds);
            backoff.addProperty("Next", "RunJob");
            states.add("Backoff", backoff);
            var fail = new JsonObject();
            fail.addProperty("Type", "Fail");
            fail.addProperty("Error", "JobKeepsFailing");
            fail.addProperty("Cause", "The streaming job failed " + (maxRestarts + 1) + " times in a row; see its logs");
            states.add("GiveUp", fail);
            // Reached only through ResetFailures after a clean end: start again immediately.
            states.getAsJsonObject("ResetFailures").addProperty("Comment", "JobEnded: the run ended cleanly");
        } else {
            definition.addProperty("Comment", "Runs the EMR Serverless job " + run.name() + " once, unless it still runs");
            definition.addProperty("StartAt", "FindActiveRuns");
            var find = task(LIST_JOB_RUNS, "AlreadyRunning");
            var parameters = new JsonObject();
            parameters.addProperty("ApplicationId", run.applicationId());
            parameters.add("States", strings(ACTIVE_RUN_STATES));
            find.add("Parameters", parameters);
            var selector = new JsonObject();
            selector.addProperty("count.$", "States.ArrayLength($.JobRuns)");
            find.add("ResultSelector", selector);
            find.addProperty("ResultPath", "$.active");
            states.add("FindActiveRuns", find);
            states.add("AlreadyRunning", choice("$.active.count", "NumericGreaterThan", 0, "Skip", "RunJob"));
            var skip = new JsonObject();
            skip.addProperty("Type", "Succeed");
            skip.addProperty("Comment", "The previous run still holds the checkpoint");
            states.add("Skip", skip);
            var runJob = runJob(run, run.timeoutMinutes());
            runJob.addProperty("End", true);
            states.add("RunJob", runJob);
        }
        definition.add("States", states);
        // serializeNulls: "ResultPath": null discards the Map result and keeps the input.
        return new GsonBuilder().disableHtmlEscaping().serializeNulls().create().toJson(definition);
    }

    private static JsonObject stopOthers() {
        var map = new JsonObject();
        map.addProperty("Type", "Map");
        map.addProperty("ItemsPath", "$.running.Executions");
        var selector = new JsonObject();
        selector.addProperty("arn.$", "$$.Map.Item.Value.ExecutionArn");
        selector.addProperty("self.$", "$$.Execution.Id");
        map.add("ItemSelector", selector);
        var processor = new JsonObject();
        processor.addProperty("StartAt", "IsThisExecution");
        var inner = new JsonObject();
        inner.add("IsThisExecution", choice("$.arn", "StringEqualsPath", "$.self", "KeepThisExecution", "StopExecution"));
        var keep = new JsonObject();
        keep.addProperty("Type", "Succeed");
        inner.add("KeepThisExecution", keep);
        var stop = new JsonObject();
        stop.addProperty("Type", "Task");
        stop.addProperty("Resource", STOP_EXECUTION);
        var parameters = new JsonObject();
        parameters.addProperty("ExecutionArn.$", "$.arn");
        parameters.addProperty("Cause", "A newer execution (new deployment) took over the streaming job");
        stop.add("Parameters", parameters);
        stop.addProperty("End", true);
        inner.add("StopExecution", stop);
        processor.add("States", inner);
        var config = new JsonObject();
        config.addProperty("Mode", "INLINE");
        processor.add("ProcessorConfig", config);
        map.add("ItemProcessor", processor);
        map.add("ResultPath", JsonNull.INSTANCE);
        map.addProperty("Next", "ResetFailures");
        return map;
    }

    private static JsonObject runJob(JobRun run, int timeoutMinutes) {
        var task = new JsonObject();
        task.addProperty("Type", "Task");
        task.addProperty("Resource", START_JOB_RUN_SYNC);
        var parameters = new JsonObject();
        parameters.addProperty("ApplicationId", run.applicationId());
        parameters.addProperty("ExecutionRoleArn", run.executionRoleArn());
        parameters.addProperty("Name", run.name());
        parameters.addProperty("ExecutionTimeoutMinutes", timeoutMinutes);
        var sparkSubmit = new JsonObject();
        sparkSubmit.addProperty("EntryPoint", run.entryPoint());
        sparkSubmit.add("EntryPointArguments", strings(run.arguments()));
        sparkSubmit.addProperty("SparkSubmitParameters", run.sparkSubmitParameters());
        var driver = new JsonObject();
        driver.add("SparkSubmit", sparkSubmit);
        parameters.add("JobDriver", driver);
        var s3 = new JsonObject();
        s3.addProperty("LogUri", run.logUri());
        s3.addProperty("EncryptionKeyArn", run.kmsKeyArn());
        var cloudWatch = new JsonObject();
        cloudWatch.addProperty("Enabled", true);
        cloudWatch.addProperty("LogGroupName", run.logGroupName());
        cloudWatch.addProperty("EncryptionKeyArn", run.kmsKeyArn());
        var monitoring = new JsonObject();
        monitoring.add("S3MonitoringConfiguration", s3);
        monitoring.add("CloudWatchLoggingConfiguration", cloudWatch);
        var overrides = new JsonObject();
        overrides.add("MonitoringConfiguration", monitoring);
        parameters.add("ConfigurationOverrides", overrides);
        task.add("Parameters", parameters);
        return task;
    }

    /** A Choice state with one rule: {@code variable operator value} → {@code next}, else {@code otherwise}. */
    private static JsonObject choice(String variable, String operator, Object value, String next, String otherwise) {
        var rule = new JsonObject();
        rule.addProperty("Variable", variable);
        if (value instanceof Number number) {
            rule.addProperty(operator, number);
        } else {
            rule.addProperty(operator, value.toString());
        }
        rule.addProperty("Next", next);
        var rules = new JsonArray();
        rules.add(rule);
        var choice = new JsonObject();
        choice.addProperty("Type", "Choice");
        choice.add("Choices", rules);
        choice.addProperty("Default", otherwise);
        return choice;
    }

    private static JsonObject task(String resource, String next) {
        var task = new JsonObject();
        task.addProperty("Type", "Task");
        task.addProperty("Resource", resource);
        task.addProperty("Next", next);
        return task;
    }

    private static JsonArray strings(List<String> values) {
        var array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    /**
     * One job run's parameters.
     *
     * @param timeoutMinutes scheduled runs only; continuous runs never time out (0)
     */
    public record JobRun(String name, String applicationId, String executionRoleArn, String entryPoint,
                         List<String> arguments, String sparkSubmitParameters, String logUri, String logGroupName,
                         String kmsKeyArn, int timeoutMinutes) {
    }
}
