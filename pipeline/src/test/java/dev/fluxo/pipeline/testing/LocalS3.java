package dev.fluxo.pipeline.testing;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** s3proxy in-process over a filesystem blob store: the real S3 API on 127.0.0.1, buckets as directories. */
public final class LocalS3 implements AutoCloseable {
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "localsecret";
    public static final String REGION = "us-east-1";

    private final S3Proxy proxy;
    private final Path base;

    private LocalS3(S3Proxy proxy, Path base) {
        this.proxy = proxy;
        this.base = base;
    }

    public static LocalS3 start(Path base, String... buckets) throws Exception {
        for (String bucket : buckets) {
            Files.createDirectories(base.resolve(bucket));
        }
        Properties props = new Properties();
        props.setProperty("jclouds.filesystem.basedir", base.toString());
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(BlobStores.create("filesystem", props))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
            }
            Thread.sleep(5);
        }
        return new LocalS3(proxy, base);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    /** The directory holding a bucket's objects as files. */
    public Path bucketDirectory(String bucket) {
        return base.resolve(bucket);
    }

    @Override
    public void close() throws IOException {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IOException("cannot stop s3proxy", e);
        }
    }
}
