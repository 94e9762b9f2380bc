package io.github.wechatpaycomplaint.schedule;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner behind the starter's background jobs.
 */
class FixedDelayRunnerTests {

	@Test
	void runsOnANamedDaemonThreadUntilStopped() throws Exception {
		CountDownLatch twice = new CountDownLatch(2);
		AtomicReference<Thread> thread = new AtomicReference<>();
		FixedDelayRunner runner = new FixedDelayRunner("test-runner", Duration.ZERO, Duration.ofMillis(10), () -> {
			thread.set(Thread.currentThread());
			twice.countDown();
		});
		assertThat(runner.isRunning()).isFalse();
		runner.start();
		assertThat(runner.isRunning()).isTrue();
		assertThat(twice.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(thread.get().getName()).isEqualTo("test-runner");
		assertThat(thread.get().isDaemon()).isTrue();
		runner.stop();
		assertThat(runner.isRunning()).isFalse();
		thread.get().join(10_000);
		assertThat(thread.get().isAlive()).isFalse();
	}

	@Test
	void startingTwiceKeepsOneScheduleAndTheInitialDelayHolds() throws Exception {
		AtomicInteger runs = new AtomicInteger();
		FixedDelayRunner runner = new FixedDelayRunner("test-runner", Duration.ofHours(1), Duration.ofHours(1),
				runs::incrementAndGet);
		runner.start();
		runner.start();
		Thread.sleep(50);
		runner.stop();
		assertThat(runs).hasValue(0);
		runner.stop();
		assertThat(runner.isRunning()).isFalse();
	}

}
