package dev.fluxo.transform.service.function;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The invocation context the poller passes to the transform handler in this JVM, as Lambda would: a fresh request id
 * per batch, the function's name ({@value #FUNCTION_NAME} for the local target), a deadline of
 * {@value #TIMEOUT_MILLIS} ms and a logger that writes to this JVM's log.
 */
public final class LocalInvocation implements Context {
    /** The local function's name. */
    public static final String FUNCTION_NAME = "fluxo-transform-local";
    /** The deadline a batch gets, as the function's timeout would give it. */
    public static final int TIMEOUT_MILLIS = 300_000;
    /** Memory reported to the handler. */
    static final int MEMORY_MB = 1024;

    private final String functionName;
    private final Logger log;
    private final String requestId = UUID.randomUUID().toString();
    private final long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;

    /** @param functionName the function's name, also the logger's */
    public LocalInvocation(String functionName) {
        this.functionName = functionName;
        this.log = LoggerFactory.getLogger(functionName);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadline - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return MEMORY_MB;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                log.info(message);
            }

            @Override
            public void log(byte[] message) {
                log.info(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
