package dev.reflex.orm.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A TCP proxy inside the test, on loopback only, in front of a database server, that loses a connection at the
 * worst moment on demand: {@link #cutAfter(String)} forwards the next client message that contains a marker (such
 * as {@code COMMIT}: PostgreSQL's simple-query message and pgJDBC's extended-protocol Parse both carry it as text,
 * as does MariaDB's COM_QUERY), waits until the server has answered it, and then cuts the connection without
 * passing the answer on. {@link #dieAfter(String)} does the same and then stops accepting connections, as a
 * server killed right after it did the work. {@link #freeze()} stops forwarding, as a frozen server would. Several
 * proxies in front of one server stand for several hosts ({@link #over(String, TcpProxy...)}), so that a driver's
 * failover from one to the next can be watched ({@link #accepted()}).
 *
 * <p>Bounded: its threads are daemons, and it closes itself, with every socket, after {@link #LIFETIME_SECONDS}
 * at the latest. Thread-safe.
 */
public final class TcpProxy implements AutoCloseable {
  /** How long a proxy lives at most, whatever the test does. */
  public static final int LIFETIME_SECONDS = 300;

  private final ServerSocket listener;
  private final String host;
  private final int port;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicReference<byte[]> marker = new AtomicReference<>();
  private final AtomicInteger cuts = new AtomicInteger();
  private final AtomicInteger accepted = new AtomicInteger();
  private final Thread lifetime;
  private volatile boolean frozen;
  private volatile boolean dieOnCut;
  private volatile boolean closed;

  private TcpProxy(String host, int port) throws IOException {
    this.host = host;
    this.port = port;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon("tcp-proxy-accept", this::accept);
    lifetime = daemon("tcp-proxy-lifetime", () -> {
      try {
        Thread.sleep(TimeUnit.SECONDS.toMillis(LIFETIME_SECONDS));
      } catch (InterruptedException e) {
        return;
      }
      close();
    });
  }

  /**
   * Starts a proxy in front of the server of a URL in our form ({@code postgresql://user@host:port/db}).
   *
   * @param url the server's URL
   * @return the running proxy
   * @throws IOException when it cannot listen
   */
  public static TcpProxy inFrontOf(String url) throws IOException {
    URI uri = URI.create(url);
    int port = uri.getPort() > 0 ? uri.getPort() : uri.getScheme().startsWith("postgres") ? 5432 : 3306;
    return new TcpProxy(uri.getHost(), port);
  }

  /**
   * @param url the server's URL, as given to {@link #inFrontOf(String)}
   * @return the same URL, through this proxy
   */
  public String url(String url) {
    URI uri = URI.create(url);
    String authority = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    return url.replaceFirst(Pattern.quote(authority), "127.0.0.1:" + listener.getLocalPort());
  }

  /**
   * The same URL with its host replaced by the proxies, in order, as a URL naming several hosts
   * ({@code mariadb://root@127.0.0.1:P1,127.0.0.1:P2/db}); every proxy stands in front of the URL's one server.
   *
   * @param url the server's URL, as given to {@link #inFrontOf(String)}
   * @param proxies the proxies, the first host first
   * @return the URL through all of them
   */
  public static String over(String url, TcpProxy... proxies) {
    URI uri = URI.create(url);
    String authority = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    return url.replaceFirst(Pattern.quote(authority), Arrays.stream(proxies).map(TcpProxy::address)
        .collect(Collectors.joining(",")));
  }

  /** @return where the proxy listens, as {@code 127.0.0.1:port} */
  public String address() {
    return "127.0.0.1:" + listener.getLocalPort();
  }

  /**
   * Arms a single cut: the next client message containing the marker reaches the server, whose answer is
   * swallowed, and that client connection is then closed.
   *
   * @param text the marker, such as {@code COMMIT}
   */
  public void cutAfter(String text) {
    marker.set(text.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Arms a single cut as {@link #cutAfter(String)}, after which the proxy closes for good: every link is cut and
   * no connection is accepted any more, as when a server dies right after it did the work.
   *
   * @param text the marker, such as {@code COMMIT}
   */
  public void dieAfter(String text) {
    dieOnCut = true;
    cutAfter(text);
  }

  /** Takes back an armed cut that has not happened. */
  public void disarm() {
    marker.set(null);
  }

  /** @return how many connections were cut so far */
  public int cuts() {
    return cuts.get();
  }

  /** @return how many client connections the proxy has accepted so far */
  public int accepted() {
    return accepted.get();
  }

  /** Stops forwarding in both directions, as a frozen server would; the sockets stay open. */
  public void freeze() {
    frozen = true;
  }

  @Override
  public void close() {
    closed = true;
    lifetime.interrupt();
    quietly(listener);
    for (Socket socket : sockets) {
      quietly(socket);
    }
  }

  /**
   * Runs work on another thread, so that work hung on a frozen server fails the test instead of hanging the build.
   *
   * @param limit how long to wait at most
   * @param work the work
   * @return what it threw, or {@code null}
   * @throws AssertionError when it still runs after the limit
   */
  public static Throwable within(Duration limit, Runnable work) throws InterruptedException, ExecutionException {
    CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
      try {
        work.run();
        return null;
      } catch (RuntimeException e) {
        return e;
      }
    });
    try {
      return outcome.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("still waiting after " + limit.toSeconds() + " s: the connection has no bounded wait");
    }
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        client.setSoLinger(true, 0); // a cut is a reset, as when a server or a link dies
        accepted.incrementAndGet();
        Socket server = new Socket(host, port);
        sockets.add(client);
        sockets.add(server);
        ProxyLink link = new ProxyLink(this, client, server);
        daemon("tcp-proxy-up", link::up);
        daemon("tcp-proxy-down", link::down);
      } catch (IOException e) {
        if (!closed) {
          System.err.println("tcp-proxy: " + e);
        }
      }
    }
  }

  /** @return the armed marker, taken by the one link that forwards it, or {@code null} */
  byte[] takeMarker(byte[] data, int length) {
    byte[] armed = marker.get();
    return armed != null && ProxyLink.contains(data, length, armed) && marker.compareAndSet(armed, null) ? armed : null;
  }

  void countCut() {
    cuts.incrementAndGet();
    if (dieOnCut) {
      close();
    }
  }

  void holdWhileFrozen() throws InterruptedException {
    while (frozen && !closed) {
      Thread.sleep(50);
    }
  }

  static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  static void quietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // closing what is already gone
    }
  }
}
