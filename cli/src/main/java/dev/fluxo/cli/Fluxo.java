package dev.fluxo.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fluxo} command line. */
@Command(name = "fluxo", mixinStandardHelpOptions = true, version = "fluxo 0.1.0",
        description = "Streaming data lakehouse kit: plan AWS stacks offline, run the pipeline locally.",
        subcommands = {PlanCommand.class, CommandLine.HelpCommand.class})
public final class Fluxo implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        var cl = commandLine();
        var code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        System.exit(code);
    }

    /** The command line with Fluxo's error handling: one clear line for user errors, never a bare stack trace. */
    public static CommandLine commandLine() {
        var cl = new CommandLine(new Fluxo());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("fluxo: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (!(e instanceof IllegalArgumentException)) {
                cmd.getErr().println("(unexpected error: " + e.getClass().getName() + "; rerun with FLUXO_DEBUG=1 for the trace)");
                if (System.getenv("FLUXO_DEBUG") != null) {
                    e.printStackTrace(cmd.getErr());
                }
            }
            return 1;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
