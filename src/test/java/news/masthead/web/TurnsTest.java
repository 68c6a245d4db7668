package news.masthead.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import news.masthead.testing.HeldTurns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60) // a wait that is never ended would otherwise hang the build
class TurnsTest {
  /**
   * Starts {@code work} on a thread of its own, to take a turn, and returns once {@code inLine}
   * pieces of work (it among them) wait for one.
   */
  private static Thread startWaiting(Turns turns, Runnable work, int inLine)
      throws InterruptedException {
    Thread waiter = Thread.ofVirtual().start(work);
    waitUntilWaiting(turns, inLine);
    return waiter;
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
    try (HeldTurns held = HeldTurns.of(turns, 1)) {
      for (int i = 0; i < 5; i++) {
        int n = i;
        waiting.add(startWaiting(turns, () -> turns.take(() -> order.add(n)), i + 1));
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
    try (HeldTurns held = HeldTurns.of(turns, 1)) {
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
    try (HeldTurns held = HeldTurns.of(turns, 1)) {
      Thread waiter =
          startWaiting(
              turns,
              () -> {
                outcome.add(turns.take(() -> "never run"));
                outcome.add(Thread.currentThread().isInterrupted());
              },
              1);
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
    try (HeldTurns held = HeldTurns.of(turns, 2)) {
      before = startWaiting(turns, () -> turns.take(() -> ran.add("came before")), 1);
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
    try (HeldTurns held = HeldTurns.of(turns, 1)) {
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
    try (HeldTurns held = HeldTurns.of(turns, 1)) {
      Thread closer = Thread.ofPlatform().start(() -> turns.closeAfterWork(200));
      waitUntilWaiting(turns, 1);
      Thread behind = startWaiting(turns, () -> turns.take(() -> ran.add("behind")), 2);
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
    try (HeldTurns held = HeldTurns.of(turns, 1)) {
      assertThat(turns.closeAfterWork(100)).isFalse();
      assertThat(turns.waiting()).isZero();
    }
    assertThat(turns.take(() -> "run")).as("the turn is free again, not lost").contains("run");
  }
}
