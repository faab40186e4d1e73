package eu.plenum.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An SMTP relay between the app and GreenMail that misbehaves on purpose for chosen recipient
 * domains: {@code @refused.example} gets "550 refused" for RCPT TO; {@code @slow.example} is held
 * at RCPT TO until the test releases it (a slow relay). Everything else passes through. It hides
 * PIPELINING from the client so that commands arrive one at a time.
 */
public final class SmtpGate {

    public static final String REFUSED_DOMAIN = "refused.example";
    public static final String SLOW_DOMAIN = "slow.example";

    private final ServerSocket server;
    private final int targetPort;
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicReference<CountDownLatch> release = new AtomicReference<>(new CountDownLatch(0));

    private SmtpGate(int targetPort) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        daemon(this::accept, "smtp-gate-accept");
    }

    static SmtpGate to(int targetPort) {
        try {
            return new SmtpGate(targetPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    void stop() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** How many RCPT TO commands were refused so far. */
    public int refused() {
        return refused.get();
    }

    /** How many mails are being held right now. */
    public int held() {
        return held.get();
    }

    /** From now on, mails to the slow domain are held until {@link #release()}. */
    public void hold() {
        release.set(new CountDownLatch(1));
    }

    public void release() {
        release.get().countDown();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                daemon(() -> clientToServer(client, target), "smtp-gate-up");
                daemon(() -> serverToClient(target, client), "smtp-gate-down");
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void clientToServer(Socket client, Socket target) {
        try (client; target) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream up = target.getOutputStream();
            OutputStream down = client.getOutputStream();
            boolean data = false;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (!data && command.startsWith("RCPT TO:") && command.contains("@" + REFUSED_DOMAIN.toUpperCase(Locale.ROOT))) {
                    refused.incrementAndGet();
                    synchronized (down) {
                        down.write("550 5.7.1 Recipient refused by the test gate\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        down.flush();
                    }
                    continue;
                }
                if (!data && command.startsWith("RCPT TO:") && command.contains("@" + SLOW_DOMAIN.toUpperCase(Locale.ROOT))) {
                    held.incrementAndGet();
                    try {
                        release.get().await(120, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } finally {
                        held.decrementAndGet();
                    }
                }
                if (!data && command.equals("DATA")) {
                    data = true;
                } else if (data && line.equals(".")) {
                    data = false;
                }
                up.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                up.flush();
            }
        } catch (IOException closed) {
            // either side hung up
        }
    }

    private void serverToClient(Socket target, Socket client) {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(target.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream down = client.getOutputStream();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.length() > 4 && line.substring(4).toUpperCase(Locale.ROOT).startsWith("PIPELINING")) {
                    line = line.substring(0, 4) + "X-NO-PIPELINING";
                }
                synchronized (down) {
                    down.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    down.flush();
                }
            }
        } catch (IOException closed) {
            // either side hung up
        } finally {
            try {
                client.close();
                target.close();
            } catch (IOException ignored) {
                // closed already
            }
        }
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }
}
