package dev.reflex.orm.test.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where this JVM runs, as a {@link Mark} records it: a run on the same machine, in the same process space, is over
 * the moment its process is gone, which another run there can see at once ({@link ProcessHandle}).
 *
 * <p>A host name alone does not prove that: two machines, or two containers, may share one, and a container has
 * process ids of its own. So the machine is the kernel's boot id (random at each boot) with the process id
 * namespace, both read from Linux's {@code /proc}; where they cannot be read, {@code -}, and a run's end is then
 * judged by its heartbeat only.
 *
 * <p>Thread-safe (constants).
 */
final class ThisProcess {
  /** This machine's host name. */
  static final String HOST = Mark.plain(hostName());
  /** This machine's boot id and this process's pid namespace, or {@code -}. */
  static final String MACHINE = machine();
  /** This JVM's process id. */
  static final long PID = ProcessHandle.current().pid();

  private ThisProcess() {}

  /** @return whether the process is running on this machine */
  static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static String hostName() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    } catch (IOException | RuntimeException e) {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (IOException | RuntimeException again) {
        return "-";
      }
    }
  }

  private static String machine() {
    try {
      String boot = Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
      String pids = Files.readSymbolicLink(Path.of("/proc/self/ns/pid")).toString(); // pid:[4026531836]
      String machine = Mark.plain(boot + "." + pids.replaceAll("[^0-9]", ""));
      return machine.length() > 10 ? machine : "-";
    } catch (IOException | RuntimeException e) {
      return "-";
    }
  }
}
