package io.milestones.chain.stream;

import io.milestones.chain.ChainMetrics;
import io.milestones.events.ChainNetwork;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A network stream that is read until stopped: each connection resumes from the committed position,
 * a lost or stalled connection is opened again after a back-off, and whatever was read before the
 * loss is committed first.
 */
public abstract class ReconnectingStream implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ReconnectingStream.class);

    protected final StreamBatch batch;
    private final ChainNetwork network;
    private final ChainMetrics metrics;
    private final Backoff backoff;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean healthy;

    protected ReconnectingStream(
            ChainNetwork network,
            StreamBatch batch,
            ChainMetrics metrics,
            Duration backoffInitial,
            Duration backoffMax) {
        this.network = network;
        this.batch = batch;
        this.metrics = metrics;
        this.backoff = new Backoff(backoffInitial, backoffMax);
    }

    /** Reads one connection from {@code position} until it ends or fails. */
    protected abstract void readConnection(String position) throws Exception;

    /** Unblocks a running {@link #readConnection}. */
    protected abstract void disconnect();

    /** Called by the reading code when an event arrived: the connection is healthy. */
    protected void received() {
        healthy = true;
    }

    protected boolean running() {
        return running;
    }

    @Override
    public void run() {
        while (running) {
            healthy = false;
            try {
                readConnection(batch.committedPosition());
                log.info("{} stream {} ended", network.id(), batch.stream());
            } catch (Exception e) {
                if (running) {
                    log.warn("{} stream {} lost: {}", network.id(), batch.stream(), e.toString());
                }
            }
            try {
                batch.flush();
            } catch (RuntimeException e) {
                log.warn(
                        "{} stream {}: commit failed, resuming from the last committed position: {}",
                        network.id(),
                        batch.stream(),
                        e.toString());
            }
            if (!running) {
                break;
            }
            metrics.reconnected(network);
            if (healthy) {
                backoff.reset();
            }
            try {
                if (stopped.await(backoff.next().toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    /** Stops reading and commits what was read. */
    public void stop() {
        running = false;
        stopped.countDown();
        disconnect();
    }
}
