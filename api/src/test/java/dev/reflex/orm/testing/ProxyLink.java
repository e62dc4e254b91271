package dev.reflex.orm.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** One client connection of a {@link TcpProxy} and its server connection, forwarded by two daemon threads. */
final class ProxyLink {
  private final TcpProxy proxy;
  private final Socket client;
  private final Socket server;
  private final CountDownLatch answered = new CountDownLatch(1);
  private volatile boolean swallow;

  ProxyLink(TcpProxy proxy, Socket client, Socket server) {
    this.proxy = proxy;
    this.client = client;
    this.server = server;
  }

  /** Client to server; where armed, the marked message goes on and the client is cut off. */
  void up() {
    byte[] buffer = new byte[65536];
    try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        proxy.holdWhileFrozen();
        boolean cut = proxy.takeMarker(buffer, n) != null;
        if (cut) {
          swallow = true; // set before the server can answer
        }
        out.write(buffer, 0, n);
        out.flush();
        if (cut) {
          answered.await(10, TimeUnit.SECONDS); // the server has done the work when it answers
          proxy.countCut(); // first: a proxy that dies stops listening before the client can try again
          TcpProxy.quietly(client);
          TcpProxy.quietly(server);
          return;
        }
      }
    } catch (IOException | InterruptedException e) {
      // one side went away: so does the other
    } finally {
      TcpProxy.quietly(client);
      TcpProxy.quietly(server);
    }
  }

  /** Server to client; swallows the answer to the marked message. */
  void down() {
    byte[] buffer = new byte[65536];
    try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        proxy.holdWhileFrozen();
        if (swallow) {
          answered.countDown();
          continue;
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      // one side went away: so does the other
    } finally {
      answered.countDown();
      TcpProxy.quietly(client);
      TcpProxy.quietly(server);
    }
  }

  static boolean contains(byte[] data, int length, byte[] marker) {
    outer:
    for (int i = 0; i + marker.length <= length; i++) {
      for (int j = 0; j < marker.length; j++) {
        if (data[i + j] != marker[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
