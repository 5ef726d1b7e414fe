package dev.fluxo.local.cli;

import dev.fluxo.local.LocalException;
import dev.fluxo.local.LocalLayout;
import dev.fluxo.local.LocalPorts;
import dev.fluxo.local.RunLock;
import dev.fluxo.local.service.ObjectStore;
import dev.fluxo.local.service.SourceDatabase;
import dev.fluxo.local.sql.JdkFinder;
import dev.fluxo.local.sql.QueryResult;
import dev.fluxo.local.sql.TrinoClient;
import dev.fluxo.local.sql.TrinoDistribution;
import dev.fluxo.local.sql.TrinoServer;
import dev.fluxo.schema.NamedQueries;
import dev.fluxo.schema.NamedQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code local query "<sql>"}: one statement through Trino against the lakehouse of a state directory. Uses the
 * running stack's Trino; if the stack is stopped, starts only what the query needs (PostgreSQL for the catalog,
 * s3proxy, Trino) and stops it after.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Runs one SQL statement (or a named query by its name) on Trino against the local lakehouse.")
public final class QueryCommand implements Callable<Integer> {
    /** Rows printed at most. */
    public static final int DEFAULT_MAX_ROWS = 50;

    @Parameters(paramLabel = "SQL", description = "The statement, e.g. \"SELECT count(*) FROM gold.customers\", or "
            + "the name of a named query (e.g. customers-by-profissao-and-sexo).")
    String sql;

    @Option(names = "--dir", paramLabel = "DIR", description = "State directory (default: .fluxo).")
    Path dir = Path.of(LocalLayout.DEFAULT_DIR);

    @Option(names = "--max-rows", paramLabel = "N", description = "Rows printed at most (default: 50).")
    int maxRows = DEFAULT_MAX_ROWS;

    @Override
    public Integer call() throws Exception {
        LocalLayout layout = new LocalLayout(dir);
        if (!layout.exists()) {
            throw new LocalException("no lakehouse in " + layout.root() + ": run `fluxo local up` first");
        }
        String statement = NamedQueries.ALL.stream().filter(q -> q.name().equals(sql.trim())).findFirst()
                .map(NamedQuery::sql).orElse(sql);
        LocalPorts ports = new LocalPorts(layout.ports());
        QueryResult result;
        if (RunLock.running(layout).isPresent()) {
            result = new TrinoClient(ports.stored(LocalPorts.Service.TRINO)).query(statement);
        } else {
            result = onStoppedStack(layout, ports, statement);
        }
        System.out.print(result.render(maxRows));
        return 0;
    }

    private static QueryResult onStoppedStack(LocalLayout layout, LocalPorts ports, String statement)
            throws Exception {
        Path jdk = JdkFinder.find(TrinoDistribution.REQUIRED_JDK).orElseThrow(() -> new LocalException(
                "Trino " + TrinoDistribution.VERSION + " needs a JDK >= " + TrinoDistribution.REQUIRED_JDK
                        + ": set " + JdkFinder.ENV + " or JAVA_HOME to one"));
        System.err.println("fluxo local: the stack is stopped; starting PostgreSQL, s3proxy and Trino for this query");
        Path home = TrinoDistribution.install(System.err);
        try (RunLock lock = RunLock.acquire(layout);
             SourceDatabase db = SourceDatabase.start(layout.postgres(), ports.port(LocalPorts.Service.POSTGRES));
             ObjectStore store = ObjectStore.start(layout.s3(), ports.port(LocalPorts.Service.S3));
             TrinoServer trino = TrinoServer.start(jdk, home, layout.trino(), layout.logs().resolve("trino.log"),
                     ports.port(LocalPorts.Service.TRINO), db.port(), store.endpoint())) {
            lock.recordChild(db.pid());
            lock.recordChild(trino.pid());
            trino.awaitReady();
            return trino.query(statement);
        }
    }
}
