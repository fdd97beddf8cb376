package org.incidentplatform.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP when the Kafka cluster answers {@code describeCluster} within the timeout.
 *
 * <p>Probes arrive every few seconds from every orchestrator and load balancer, so the answer is
 * kept for {@code cacheFor} and concurrent probes share one check. One admin client is created on
 * first use and kept: creating it does not connect, and it reconnects by itself when the broker
 * comes back.
 */
public class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

    private final Map<String, Object> adminConfig;
    private final Duration timeout;
    private final long cacheForNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private Admin admin;
    private Health last;
    private long lastCheckedAt;

    public KafkaHealthIndicator(Map<String, Object> adminConfig, Duration timeout, Duration cacheFor) {
        this.adminConfig = new HashMap<>(adminConfig);
        this.adminConfig.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "health-check");
        this.adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.timeout = timeout;
        this.cacheForNanos = cacheFor.toNanos();
    }

    @Override
    public Health health() {
        lock.lock();
        try {
            long now = System.nanoTime();
            if (last == null || now - lastCheckedAt >= cacheForNanos) {
                last = check();
                lastCheckedAt = System.nanoTime();
            }
            return last;
        } finally {
            lock.unlock();
        }
    }

    private Health check() {
        try {
            DescribeClusterResult cluster = admin().describeCluster(
                    new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            long waitMillis = timeout.toMillis() + 500;
            String clusterId = cluster.clusterId().get(waitMillis, TimeUnit.MILLISECONDS);
            int nodes = cluster.nodes().get(waitMillis, TimeUnit.MILLISECONDS).size();
            return Health.up().withDetail("clusterId", String.valueOf(clusterId)).withDetail("nodes", nodes).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        } catch (ExecutionException e) {
            return Health.down().withDetail("error", String.valueOf(e.getCause())).build();
        } catch (TimeoutException | RuntimeException e) {
            return Health.down().withDetail("error", e.toString()).build();
        }
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    @Override
    public void destroy() {
        lock.lock();
        try {
            if (admin != null) {
                admin.close(Duration.ofSeconds(1));
                admin = null;
            }
        } finally {
            lock.unlock();
        }
    }
}
