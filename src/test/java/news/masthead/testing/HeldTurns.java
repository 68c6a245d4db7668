package news.masthead.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import news.masthead.web.Turns;

/**
 * Turns of a {@link Turns} held, each by a thread of its own, until closed: as a flood of renders
 * would hold them. Closing releases them all and waits for the holders; closing again does nothing.
 */
public final class HeldTurns implements AutoCloseable {
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<Thread> holders = new ArrayList<>();

  private HeldTurns(Turns turns, int count) throws InterruptedException {
    CountDownLatch held = new CountDownLatch(count);
    for (int i = 0; i < count; i++) {
      holders.add(
          Thread.ofPlatform()
              .start(
                  () ->
                      turns.take(
                          () -> {
                            held.countDown();
                            try {
                              release.await();
                            } catch (InterruptedException e) {
                              Thread.currentThread().interrupt();
                            }
                            return true;
                          })));
    }
    assertThat(held.await(5, TimeUnit.SECONDS)).as("the turns were taken").isTrue();
  }

  /** Holds {@code count} turns of {@code turns}, once they are taken. */
  public static HeldTurns of(Turns turns, int count) throws InterruptedException {
    return new HeldTurns(turns, count);
  }

  /** Holds every turn of a server's {@link Turns#perCore} (one a core). */
  public static HeldTurns all(Turns turns) throws InterruptedException {
    return of(turns, Runtime.getRuntime().availableProcessors());
  }

  @Override
  public void close() throws InterruptedException {
    release.countDown();
    for (Thread holder : holders) {
      holder.join(5_000);
    }
  }
}
