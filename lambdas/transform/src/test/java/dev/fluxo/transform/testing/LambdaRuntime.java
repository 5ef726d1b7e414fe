package dev.fluxo.transform.testing;

import com.amazonaws.services.lambda.runtime.Context;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.environment.EnvironmentProvider;
import software.amazon.cloudwatchlogs.emf.environment.LambdaEnvironment;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.internal.EmfMetricsLogger;

import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;

/** What the Lambda runtime gives a handler, for tests: an invocation context, and metrics printed as EMF lines. */
public final class LambdaRuntime {
    private LambdaRuntime() {
    }

    /** A context for one invocation of {@code functionName} (request id {@code test-request}, 60 s left). */
    public static Context context(String functionName) {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[]{Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAwsRequestId" -> "test-request";
                    case "getFunctionName" -> functionName;
                    case "getFunctionVersion" -> "1";
                    case "getInvokedFunctionArn" -> "arn:aws:lambda:us-east-1:123456789012:function:" + functionName;
                    case "getLogGroupName" -> "/aws/lambda/" + functionName;
                    case "getLogStreamName" -> "test-stream";
                    case "getRemainingTimeInMillis" -> 60_000;
                    case "getMemoryLimitInMB" -> 1024;
                    case "toString" -> "Context[" + functionName + "]";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    /**
     * Powertools metrics as in Lambda: Embedded Metric Format lines on standard output (outside Lambda Powertools
     * would look for a CloudWatch agent instead).
     */
    public static Metrics emfMetrics() {
        EnvironmentProvider lambda = new EnvironmentProvider() {
            @Override
            public CompletableFuture<Environment> resolveEnvironment() {
                return CompletableFuture.completedFuture(new LambdaEnvironment());
            }

            @Override
            public Environment getDefaultEnvironment() {
                return new LambdaEnvironment();
            }
        };
        return new EmfMetricsLogger(lambda, new MetricsContext());
    }
}
