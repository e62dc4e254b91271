package dev.reflex.db;

import dev.reflex.orm.migrations.internal.ChangelogLock;
import java.util.concurrent.atomic.AtomicReference;
import liquibase.exception.LockException;
import liquibase.lockservice.StandardLockService;

/**
 * Liquibase's own lock service, which also notes the lock table when it takes the lock, and a release that failed,
 * so that {@link LockCheck} can tell after the command, in one query, whether the lock this run took is still held.
 * Liquibase finds it as it finds its extensions ({@code META-INF/services}, {@code provides} in the module), above
 * its standard service by one, and makes one per database by reflection; what they note meets the command here, in
 * the JVM the command has to itself.
 *
 * <p>Thread-safe as Liquibase's service is; the note is atomic.
 */
public final class WatchedLockService extends StandardLockService {
  private static final AtomicReference<ChangelogLock> TAKEN = new AtomicReference<>();
  private static final AtomicReference<LockException> RELEASE_FAILED = new AtomicReference<>();

  /** Liquibase makes it by reflection. */
  public WatchedLockService() {
    // Liquibase's own service does the work
  }

  @Override
  public int getPriority() {
    return super.getPriority() + 1;
  }

  @Override
  public boolean acquireLock() throws LockException {
    boolean acquired = super.acquireLock();
    if (acquired) {
      TAKEN.set(ChangelogLock.of(database));
    }
    return acquired;
  }

  @Override
  public void releaseLock() throws LockException {
    try {
      super.releaseLock();
    } catch (LockException e) {
      RELEASE_FAILED.set(e);
      throw e;
    }
  }

  /** Forgets what earlier runs in this JVM took, before a command runs. */
  static void forget() {
    TAKEN.set(null);
    RELEASE_FAILED.set(null);
  }

  /** @return why Liquibase's release of the lock failed since {@link #forget()}, or {@code null} */
  static LockException releaseFailure() {
    return RELEASE_FAILED.get();
  }

  /** @return the lock table of the lock a run in this JVM took since {@link #forget()}, or {@code null} */
  static ChangelogLock taken() {
    return TAKEN.get();
  }
}
