package news.masthead.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60) // a wait that is never ended would otherwise hang the build
class TurnsTest {
  /** Holds one of {@code turns}' turns on a thread of its own until closed. */
  private static final class HeldTurn implements AutoCloseable {
    private final CountDownLatch release = new CountDownLatch(1);
    private final Thread holder;

    HeldTurn(Turns turns) throws InterruptedException {
      CountDownLatch held = new CountDownLatch(1);
      holder =
          Thread.ofVirtual()
              .start(
                  () ->
                      turns.take(
                          () -> {
                            held.countDown();
                            awaitQuietly(release);
                            return true;
                          }));
      assertThat(held.await(5, TimeUnit.SECONDS)).as("the turn was taken").isTrue();
    }

    @Override
    public void close() throws InterruptedException {
      release.countDown();
      holder.join(5_000);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void waitUntilWaiting(Turns turns, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (turns.waiting() < count && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    assertThat(turns.waiting()).isEqualTo(count);
  }

  @Test
  void work_that_waits_gets_its_turn_in_the_order_it_came() throws InterruptedException {
    Turns turns = new Turns(1, 10_000);
    List<Integer> order = Collections.synchronizedList(new ArrayList<>());
    List<Thread> waiting = new ArrayList<>();
    try (HeldTurn held = new HeldTurn(turns)) {
      for (int i = 0; i < 5; i++) {
        int n = i;
        waiting.add(Thread.ofVirtual().start(() -> turns.take(() -> order.add(n))));
        waitUntilWaiting(turns, i + 1);
      }
    }
    for (Thread thread : waiting) {
      thread.join(5_000);
    }
    assertThat(order).containsExactly(0, 1, 2, 3, 4);
    assertThat(turns.waiting()).isZero();
  }

  @Test
  void work_that_waits_past_its_limit_is_refused_and_those_after_it_still_get_their_turn()
      throws InterruptedException {
    Turns turns = new Turns(1, 200);
    Optional<String> refused;
    long waited;
    try (HeldTurn held = new HeldTurn(turns)) {
      long start = System.nanoTime();
      refused = turns.take(() -> "never run");
      waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
    assertThat(refused).isEmpty();
    assertThat(waited)
        .as("the wait lasts its limit, and at most a sweep or so more")
        .isBetween(200L, 200L + 10 * Turns.SWEEP_MS);
    assertThat(turns.waiting()).isZero();
    assertThat(turns.take(() -> "run")).contains("run");
  }

  @Test
  void an_interrupted_wait_gives_up_its_place_and_keeps_the_interrupt()
      throws InterruptedException {
    Turns turns = new Turns(1, 10_000);
    List<Object> outcome = Collections.synchronizedList(new ArrayList<>());
    try (HeldTurn held = new HeldTurn(turns)) {
      Thread waiter =
          Thread.ofVirtual()
              .start(
                  () -> {
                    outcome.add(turns.take(() -> "never run"));
                    outcome.add(Thread.currentThread().isInterrupted());
                  });
      waitUntilWaiting(turns, 1);
      waiter.interrupt();
      waiter.join(5_000);
      assertThat(turns.waiting()).isZero();
    }
    assertThat(outcome).containsExactly(Optional.empty(), true);
    assertThat(turns.take(() -> "run")).contains("run");
  }

  @Test
  void closing_waits_for_the_work_in_flight_and_for_the_work_that_came_before_it()
      throws InterruptedException {
    Turns turns = new Turns(2, 2_000);
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    Thread before;
    Thread closer;
    boolean[] closed = new boolean[1];
    try (HeldTurn first = new HeldTurn(turns);
        HeldTurn second = new HeldTurn(turns)) {
      before = Thread.ofVirtual().start(() -> turns.take(() -> ran.add("came before")));
      waitUntilWaiting(turns, 1);
      closer = Thread.ofPlatform().start(() -> closed[0] = turns.closeAfterWork(10_000));
      waitUntilWaiting(turns, 2);
    }
    before.join(5_000);
    closer.join(5_000);
    assertThat(ran).containsExactly("came before");
    assertThat(closed[0]).as("every turn taken for good").isTrue();
    assertThat(turns.take(() -> ran.add("came after"))).as("refused after its wait").isEmpty();
    assertThat(ran).containsExactly("came before");
  }

  @Test
  void work_that_comes_while_a_turn_is_free_still_waits_behind_those_queued_before_it()
      throws InterruptedException {
    Turns turns = new Turns(2, 300);
    try (HeldTurn held = new HeldTurn(turns)) {
      Thread closer = Thread.ofPlatform().start(() -> turns.closeAfterWork(10_000));
      waitUntilWaiting(turns, 1); // the closer waits for both turns; one is free

      assertThat(turns.take(() -> "jumped the queue"))
          .as("queued behind the closer, so refused after its wait")
          .isEmpty();
      held.close();
      closer.join(5_000);
    }
  }

  @Test
  void a_refused_wait_for_every_turn_lets_those_behind_it_take_the_free_ones()
      throws InterruptedException {
    Turns turns = new Turns(2, 10_000);
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    try (HeldTurn held = new HeldTurn(turns)) {
      Thread closer = Thread.ofPlatform().start(() -> turns.closeAfterWork(200));
      waitUntilWaiting(turns, 1);
      Thread behind = Thread.ofVirtual().start(() -> turns.take(() -> ran.add("behind")));
      waitUntilWaiting(turns, 2);
      closer.join(5_000);
      behind.join(5_000);

      assertThat(ran).as("ran while the other turn is still held").containsExactly("behind");
    }
  }

  @Test
  void an_interrupted_thread_takes_no_turn_and_keeps_its_interrupt() {
    Turns turns = new Turns(1, 10_000);
    Thread.currentThread().interrupt();
    try {
      assertThat(turns.take(() -> "run interrupted")).isEmpty();
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(turns.take(() -> "run")).as("no turn lost").contains("run");
  }

  @Test
  void closing_gives_up_when_work_still_holds_a_turn_after_its_wait() throws InterruptedException {
    Turns turns = new Turns(1, 10_000);
    try (HeldTurn held = new HeldTurn(turns)) {
      assertThat(turns.closeAfterWork(100)).isFalse();
      assertThat(turns.waiting()).isZero();
    }
    assertThat(turns.take(() -> "run")).as("the turn is free again, not lost").contains("run");
  }
}
