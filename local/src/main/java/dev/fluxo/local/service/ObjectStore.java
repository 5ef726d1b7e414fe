package dev.fluxo.local.service;

import dev.fluxo.local.LocalException;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The stand-in for S3: s3proxy in this JVM, objects stored as plain files under the state directory
 * ({@code s3/<bucket>/<key>}). Unknown headers are ignored, as Trino's S3 client sends some s3proxy does not know.
 */
public final class ObjectStore implements AutoCloseable {
    /** The bucket holding the warehouse. */
    public static final String BUCKET = "lakehouse";
    /** The warehouse root every engine uses. */
    public static final String WAREHOUSE = "s3://" + BUCKET + "/warehouse";
    public static final String ACCESS_KEY = "fluxo-local";
    public static final String SECRET_KEY = "fluxo-local-secret";
    public static final String REGION = "us-east-1";

    private final S3Proxy proxy;
    private final int port;

    private ObjectStore(S3Proxy proxy, int port) {
        this.proxy = proxy;
        this.port = port;
    }

    public static ObjectStore start(Path baseDir, int port) {
        try {
            Files.createDirectories(baseDir.resolve(BUCKET));
            Properties props = new Properties();
            props.setProperty("jclouds.filesystem.basedir", baseDir.toString());
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(BlobStores.create("filesystem", props))
                    .endpoint(URI.create("http://127.0.0.1:" + port))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .ignoreUnknownHeaders(true)
                    .build();
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new LocalException("s3proxy did not start on 127.0.0.1:" + port);
                }
                Thread.sleep(5);
            }
            return new ObjectStore(proxy, port);
        } catch (LocalException e) {
            throw e;
        } catch (Exception e) {
            throw new LocalException("s3proxy did not start on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
