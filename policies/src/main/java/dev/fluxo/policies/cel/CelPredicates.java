package dev.fluxo.policies.cel;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import java.util.Map;

/**
 * The CEL environment of rules.yaml: the variables {@code inputs}, {@code type}, {@code name},
 * {@code environment}, {@code taggableTypes} and {@code resources}, standard macros, and numeric comparisons
 * across int and double (as in the JavaScript evaluator).
 */
public final class CelPredicates {

    /** Variable names, shared with rules.yaml and the CrossGuard pack. */
    public static final String INPUTS = "inputs", TYPE = "type", NAME = "name", ENVIRONMENT = "environment",
            TAGGABLE_TYPES = "taggableTypes", RESOURCES = "resources";

    private final Cel cel = CelFactory.standardCelBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .setOptions(CelOptions.current().enableHeterogeneousNumericComparisons(true).build())
            .addVar(INPUTS, MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar(TYPE, SimpleType.STRING)
            .addVar(NAME, SimpleType.STRING)
            .addVar(ENVIRONMENT, SimpleType.STRING)
            .addVar(TAGGABLE_TYPES, ListType.create(SimpleType.STRING))
            .addVar(RESOURCES, ListType.create(SimpleType.DYN))
            .setResultType(SimpleType.BOOL)
            .build();

    /** A compiled boolean expression, or the compiler's error text. */
    public sealed interface Compiled permits Predicate, CompileError {
    }

    /** The compiler's errors for an expression. */
    public record CompileError(String text) implements Compiled {
    }

    /** A compiled boolean expression; evaluate it as often as needed. */
    public static final class Predicate implements Compiled {
        private final dev.cel.runtime.CelRuntime.Program program;

        private Predicate(dev.cel.runtime.CelRuntime.Program program) {
            this.program = program;
        }

        /** Evaluates with {@code variables}; throws {@link PredicateException} with CEL's error text. */
        public boolean test(Map<String, ?> variables) {
            Object result;
            try {
                result = program.eval(variables);
            } catch (CelEvaluationException e) {
                throw new PredicateException(e.getMessage(), e);
            }
            if (result instanceof Boolean b) {
                return b;
            }
            throw new PredicateException("expression returned " + result + " instead of a boolean", null);
        }
    }

    /** Compiles (parses and type-checks) {@code expression}. */
    public Compiled compile(String expression) {
        CelValidationResult result = cel.compile(expression);
        if (result.hasError()) {
            return new CompileError(result.getErrorString());
        }
        try {
            return new Predicate(cel.createProgram(result.getAst()));
        } catch (dev.cel.common.CelValidationException | CelEvaluationException e) {
            return new CompileError(e.getMessage());
        }
    }

    /** A CEL evaluation error, with CEL's message. */
    public static final class PredicateException extends RuntimeException {
        PredicateException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
