package dev.fluxo.transform.testing;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.rest.CatalogHandlers;
import org.apache.iceberg.rest.RESTCatalogProperties;
import org.apache.iceberg.rest.RESTSerializers;
import org.apache.iceberg.rest.requests.CreateNamespaceRequest;
import org.apache.iceberg.rest.requests.CreateTableRequest;
import org.apache.iceberg.rest.requests.UpdateTableRequest;
import org.apache.iceberg.rest.responses.ConfigResponse;
import org.apache.iceberg.rest.responses.ErrorResponse;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An Iceberg REST catalog shaped like the AWS Glue Iceberg REST endpoint, in this JVM: requests under
 * {@value #BASE_PATH}, {@code GET /v1/config?warehouse=<catalog id>} answering the prefix {@code catalogs/<catalog id>},
 * and every table operation served by Iceberg's own {@link CatalogHandlers} over a real catalog (the JDBC catalog on
 * PostgreSQL and s3proxy). It records every request, headers and body, so a test can check how the client signed it;
 * it does not verify signatures.
 */
public final class IcebergRestServer implements AutoCloseable {
    /** Where Glue serves its Iceberg REST API, under the service's host. */
    public static final String BASE_PATH = "/iceberg";

    /** One request as received: lower-case header names. */
    public record Request(String method, String path, String query, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpServer http;
    private final Catalog backing;
    private final String catalogId;
    private final ObjectMapper json = mapper();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private IcebergRestServer(HttpServer http, Catalog backing, String catalogId) {
        this.http = http;
        this.backing = backing;
        this.catalogId = catalogId;
    }

    /** Serves {@code backing} as the Glue catalog {@code catalogId} on a free port of 127.0.0.1. */
    public static IcebergRestServer start(Catalog backing, String catalogId) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        IcebergRestServer server = new IcebergRestServer(http, backing, catalogId);
        http.createContext(BASE_PATH, server::handle);
        http.start();
        return server;
    }

    /** The endpoint a client is configured with, like {@code https://glue.<region>.amazonaws.com/iceberg}. */
    public String endpoint() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + BASE_PATH;
    }

    /** The prefix Glue answers for a catalog, under which every namespace and table path lies. */
    public String prefix() {
        return "catalogs/" + catalogId;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        http.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(new Request(method, path, query, headers, body));
            int status = 200;
            Object response;
            try {
                response = route(method, path.substring(BASE_PATH.length()), query, body);
                if (response == null) {
                    status = 204;
                }
            } catch (NoSuchNamespaceException | NoSuchTableException e) {
                status = 404;
                response = error(status, e);
            } catch (AlreadyExistsException | CommitFailedException e) {
                status = 409;
                response = error(status, e);
            } catch (IllegalArgumentException | ValidationException e) {
                status = 400;
                response = error(status, e);
            } catch (RuntimeException e) {
                System.err.println("Iceberg REST server failed on " + method + " " + path + ": ");
                e.printStackTrace();
                status = 500;
                response = error(status, e);
            }
            if (response == null || method.equals("HEAD")) {
                exchange.sendResponseHeaders(status == 200 ? 204 : status, -1);
            } else {
                byte[] out = json.writeValueAsBytes(response);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, out.length);
                exchange.getResponseBody().write(out);
            }
        }
    }

    /** The response object, or {@code null} for 204 No Content. */
    private Object route(String method, String path, String query, byte[] body) throws IOException {
        if (path.equals("/v1/config")) {
            if (query == null || !query.contains("warehouse=" + catalogId)) {
                throw new IllegalArgumentException("unknown catalog: " + query);
            }
            return ConfigResponse.builder().withOverride("prefix", prefix()).build();
        }
        String expected = "/v1/" + prefix() + "/";
        if (!path.startsWith(expected)) {
            throw new IllegalArgumentException("not under " + expected + ": " + path);
        }
        List<String> at = Arrays.stream(path.substring(expected.length()).split("/"))
                .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toList();
        SupportsNamespaces namespaces = (SupportsNamespaces) backing;
        String route = method + " " + String.join("/", at.stream().map(s -> s.equals("namespaces")
                || s.equals("tables") || s.equals("metrics") ? s : "{}").toList());
        Namespace ns = at.size() > 1 ? Namespace.of(at.get(1).split("\u001f")) : null;
        TableIdentifier table = at.size() > 3 ? TableIdentifier.of(ns, at.get(3)) : null;
        switch (route) {
            case "GET namespaces":
                return CatalogHandlers.listNamespaces(namespaces, Namespace.empty());
            case "POST namespaces":
                return CatalogHandlers.createNamespace(namespaces, json.readValue(body, CreateNamespaceRequest.class));
            case "GET namespaces/{}":
                return CatalogHandlers.loadNamespace(namespaces, ns);
            case "HEAD namespaces/{}":
                CatalogHandlers.namespaceExists(namespaces, ns);
                return null;
            case "GET namespaces/{}/tables":
                return CatalogHandlers.listTables(backing, ns);
            case "POST namespaces/{}/tables":
                return CatalogHandlers.createTable(backing, ns, json.readValue(body, CreateTableRequest.class));
            case "GET namespaces/{}/tables/{}":
                return CatalogHandlers.loadTable(backing, table, RESTCatalogProperties.SnapshotMode.ALL);
            case "HEAD namespaces/{}/tables/{}":
                CatalogHandlers.tableExists(backing, table);
                return null;
            case "POST namespaces/{}/tables/{}":
                return CatalogHandlers.updateTable(backing, table, json.readValue(body, UpdateTableRequest.class));
            case "POST namespaces/{}/tables/{}/metrics":
                return null;
            default:
                throw new IllegalArgumentException("no route for " + route);
        }
    }

    private static ErrorResponse error(int status, RuntimeException e) {
        return ErrorResponse.builder().responseCode(status).withType(e.getClass().getSimpleName())
                .withMessage(String.valueOf(e.getMessage())).build();
    }

    /** The JSON mapping of Iceberg's REST client ({@code RESTObjectMapper}, which is not public). */
    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        mapper.setPropertyNamingStrategy(new PropertyNamingStrategies.KebabCaseStrategy());
        RESTSerializers.registerAll(mapper);
        return mapper;
    }
}
