package eu.plenum.webhooks;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The only way tenant data leaves for a receiver: the host name is resolved once, every address it
 * resolves to must pass {@link ReceiverAddressPolicy}, and the request goes to the checked address
 * itself (Host header, SNI and certificate check still use the name). Resolving again at connect
 * time would let a DNS answer that changed since the check (rebinding) reach 169.254.169.254 or 10.x.
 */
@ApplicationScoped
class ReceiverConnector {

    private static final long TIMEOUT_MS = 5_000;

    /** How host names become addresses; a seam so tests can play a rebinding DNS server. */
    @FunctionalInterface
    interface HostResolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** A receiver whose scheme and addresses passed the checks, with the address to connect to. */
    record CheckedReceiver(URI url, InetAddress address) {
    }

    /** What the receiver answered: its HTTP status, or 0 with the reason it could not be reached. */
    record Answer(int status, String error) {
    }

    private final HostResolver resolver;
    private final boolean privateAddressesAllowed;
    private final boolean httpsRequired;
    private final HttpClient http;

    @Inject
    ReceiverConnector(Vertx vertx,
            @ConfigProperty(name = "plenum.webhooks.allow-private-addresses", defaultValue = "false") boolean privateAddressesAllowed,
            @ConfigProperty(name = "plenum.webhooks.require-https", defaultValue = "true") boolean httpsRequired) {
        this(vertx, host -> List.of(InetAddress.getAllByName(host)), privateAddressesAllowed, httpsRequired, null);
    }

    ReceiverConnector(Vertx vertx, HostResolver resolver, boolean privateAddressesAllowed, boolean httpsRequired, TrustOptions trust) {
        this.resolver = resolver;
        this.privateAddressesAllowed = privateAddressesAllowed;
        this.httpsRequired = httpsRequired;
        HttpClientOptions options = new HttpClientOptions().setConnectTimeout((int) TIMEOUT_MS)
                .setVerifyHost(true).setForceSni(true).setKeepAlive(false);
        if (trust != null) {
            options.setTrustOptions(trust);
        }
        this.http = vertx.createHttpClient(options);
    }

    /** Checks scheme and every resolved address now; the result is what {@link #post} connects to. */
    CheckedReceiver check(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !httpsRequired) || url.getHost() == null) {
            throw new ReceiverRefusedException(httpsRequired ? "The receiver must be an absolute https URL: tenant data travels encrypted."
                    : "The receiver must be an absolute http or https URL.");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(url.getHost());
        } catch (UnknownHostException e) {
            throw new ReceiverRefusedException("The receiver's host name " + url.getHost() + " does not resolve.");
        }
        if (addresses.isEmpty()) {
            throw new ReceiverRefusedException("The receiver's host name " + url.getHost() + " does not resolve.");
        }
        if (!privateAddressesAllowed) {
            for (InetAddress address : addresses) {
                ReceiverAddressPolicy.refusal(address).ifPresent(why -> {
                    throw new ReceiverRefusedException("The receiver's host name " + url.getHost() + " resolves to "
                            + address.getHostAddress() + ", " + why + "; only public addresses receive tenant data.");
                });
            }
        }
        return new CheckedReceiver(url, addresses.get(0));
    }

    /** POSTs to the checked address, never following redirects (a redirect could point anywhere). */
    Answer post(CheckedReceiver receiver, Map<String, String> headers, String contentType, byte[] body) {
        URI url = receiver.url();
        boolean tls = url.getScheme().equalsIgnoreCase("https");
        int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
        String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, receiver.address().getHostAddress()))
                .setHost(url.getHost()).setPort(port).setSsl(tls).setURI(path)
                .setFollowRedirects(false).setConnectTimeout(TIMEOUT_MS).setIdleTimeout(TIMEOUT_MS)
                .putHeader("Content-Type", contentType);
        headers.forEach(request::putHeader);
        try {
            int status = http.request(request)
                    .compose(sent -> sent.send(Buffer.buffer(body)))
                    .compose(response -> response.body().map(ignored -> response.statusCode()))
                    .toCompletionStage().toCompletableFuture()
                    .get(3 * TIMEOUT_MS, TimeUnit.MILLISECONDS);
            return new Answer(status, null);
        } catch (ExecutionException e) {
            // The cause (refused, reset, TLS, idle timeout) is what an operator needs to tell a receiver's
            // fault from ours; it names the receiver's host at most, never anything of the payload.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Answer(0, "the receiver could not be reached (" + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")");
        } catch (TimeoutException e) {
            return new Answer(0, "the receiver did not answer within " + 3 * TIMEOUT_MS / 1000 + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        }
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
