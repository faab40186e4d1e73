package eu.plenum.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A TCP relay on 127.0.0.1 that delays every chunk by a fixed time in each direction, in order:
 * a link between two sites with added latency, for machines whose kernel has no {@code netem}
 * (this one). Round trip = 2 × {@code oneWayMillis}. Streaming replication is one TCP connection
 * per standby, so it sees the latency as a WAN link would (without loss or bandwidth limits).
 */
public final class DelayedLink implements AutoCloseable {

    private record Chunk(long dueNanos, byte[] bytes) {
    }

    private final ServerSocket server;
    private final int targetPort;
    private final long delayNanos;
    private final List<Socket> sockets = new ArrayList<>();

    private DelayedLink(int targetPort, long oneWayMillis) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        this.delayNanos = TimeUnit.MILLISECONDS.toNanos(oneWayMillis);
        Thread acceptor = new Thread(this::accept, "delayed-link-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static DelayedLink to(int targetPort, long oneWayMillis) {
        try {
            return new DelayedLink(targetPort, oneWayMillis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                target.setTcpNoDelay(true);
                synchronized (sockets) {
                    sockets.addAll(List.of(client, target));
                }
                relay(client, target);
                relay(target, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** One direction: a reader stamps each chunk with its due time, a writer sends it then. */
    private void relay(Socket from, Socket to) throws IOException {
        LinkedBlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        daemon(() -> {
            byte[] buffer = new byte[64 * 1024];
            try {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    queue.put(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, read)));
                }
            } catch (IOException | InterruptedException ended) {
                // connection closed
            }
            queue.add(new Chunk(System.nanoTime() + delayNanos, null));
        });
        daemon(() -> {
            try {
                while (true) {
                    Chunk chunk = queue.take();
                    long wait = chunk.dueNanos() - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    if (chunk.bytes() == null) {
                        to.shutdownOutput();
                        return;
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException ended) {
                // connection closed
            }
        });
    }

    private static void daemon(Runnable body) {
        Thread thread = new Thread(body, "delayed-link");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        try {
            server.close();
            synchronized (sockets) {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
