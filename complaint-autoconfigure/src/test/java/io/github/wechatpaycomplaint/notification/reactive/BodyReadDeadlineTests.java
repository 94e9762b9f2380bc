package io.github.wechatpaycomplaint.notification.reactive;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.wechatpaycomplaint.notification.reactive.BodyReadDeadline.Timer;
import io.netty.channel.DefaultEventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.mock.web.reactive.function.server.MockServerRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body read with a deadline: a body read while it is subscribed to sets no timer; any
 * other sets one timer (on Reactor Netty a timer of the connection's event loop, else
 * Reactor's), cancelled when the body has been read or the read is cancelled, and failing
 * the read with a {@link TimeoutException} once the timeout has passed; the timer and the
 * body racing end the read exactly once.
 */
class BodyReadDeadlineTests {

	private final RecordingEventLoop eventLoop = new RecordingEventLoop();

	@AfterEach
	void stop() {
		this.eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
	}

	@Test
	void aBodyReadWhileSubscribedToSetsNoTimer() {
		Mono<String> read = Flux.just("bo", "dy")
			.collect(StringBuilder::new, StringBuilder::append)
			.map(Object::toString);
		Recorder<String> recorder = subscribe(
				BodyReadDeadline.of(read, Timer.on(this.eventLoop), Duration.ofSeconds(30)));
		assertThat(recorder.values).containsExactly("body");
		assertThat(recorder.completed).isTrue();
		assertThat(this.eventLoop.timers).isEmpty();
	}

	@Test
	void aReadFailedWhileSubscribedToFailsWithItsOwnErrorAndSetsNoTimer() {
		IllegalStateException reset = new IllegalStateException("Connection reset by peer");
		Recorder<String> recorder = subscribe(
				BodyReadDeadline.of(Mono.error(reset), Timer.on(this.eventLoop), Duration.ofSeconds(30)));
		assertThat(recorder.error).isSameAs(reset);
		assertThat(this.eventLoop.timers).isEmpty();
	}

	@Test
	void aBodyStillStreamingFailsWithATimeoutOnTheEventLoopAfterTheTimeoutAndIsCancelled() throws InterruptedException {
		AtomicBoolean readCancelled = new AtomicBoolean();
		Mono<String> stalled = Mono.<String>never().doOnCancel(() -> readCancelled.set(true));
		long start = System.nanoTime();
		Recorder<String> recorder = subscribe(
				BodyReadDeadline.of(stalled, Timer.on(this.eventLoop), Duration.ofMillis(100)));
		assertThat(recorder.ended.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
		assertThat(recorder.error).isInstanceOf(TimeoutException.class);
		assertThat(this.eventLoop.inEventLoop(recorder.endedOn)).isTrue();
		assertThat(readCancelled).isTrue();
		assertThat(recorder.values).isEmpty();
		assertThat(this.eventLoop.timers).hasSize(1);
	}

	@Test
	void aBodyReadAfterItsSubscriptionCancelsItsTimer() {
		Sinks.One<String> body = Sinks.one();
		Recorder<String> recorder = subscribe(
				BodyReadDeadline.of(body.asMono(), Timer.on(this.eventLoop), Duration.ofSeconds(30)));
		assertThat(this.eventLoop.timers).singleElement()
			.satisfies((timer) -> assertThat(timer.isCancelled()).isFalse());
		body.tryEmitValue("body").orThrow();
		assertThat(recorder.values).containsExactly("body");
		assertThat(recorder.completed).isTrue();
		assertThat(this.eventLoop.timers).singleElement()
			.satisfies((timer) -> assertThat(timer.isCancelled()).isTrue());
	}

	@Test
	void cancellingTheReadCancelsTheBodyAndTheTimer() {
		AtomicBoolean readCancelled = new AtomicBoolean();
		Mono<String> stalled = Mono.<String>never().doOnCancel(() -> readCancelled.set(true));
		Recorder<String> recorder = subscribe(
				BodyReadDeadline.of(stalled, Timer.on(this.eventLoop), Duration.ofSeconds(30)));
		recorder.subscription.get().cancel();
		assertThat(readCancelled).isTrue();
		assertThat(this.eventLoop.timers).singleElement()
			.satisfies((timer) -> assertThat(timer.isCancelled()).isTrue());
		assertThat(recorder.error).isNull();
		assertThat(recorder.completed).isFalse();
	}

	@Test
	void aReadWhoseTimerCannotBeSetFailsAndIsCancelled() {
		DefaultEventLoop shutDown = new DefaultEventLoop();
		shutDown.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
		AtomicBoolean readCancelled = new AtomicBoolean();
		Mono<String> stalled = Mono.<String>never().doOnCancel(() -> readCancelled.set(true));
		Recorder<String> recorder = subscribe(BodyReadDeadline.of(stalled, Timer.on(shutDown), Duration.ofSeconds(30)));
		assertThat(recorder.error).isInstanceOf(RejectedExecutionException.class);
		assertThat(readCancelled).isTrue();
	}

	@Test
	void theBodyOfARequestOfNoNettyConnectionIsTimedOnReactorsParallelScheduler() throws InterruptedException {
		Recorder<String> recorder = subscribe(
				BodyReadDeadline.of(Mono.never(), MockServerRequest.builder().build(), Duration.ofMillis(50)));
		assertThat(recorder.ended.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(recorder.error).isInstanceOf(TimeoutException.class);
		assertThat(recorder.endedOn.getName()).startsWith("parallel-");
	}

	@Test
	void theTimerAndTheBodyRacingEndTheReadOnceAndALateBodyIsDiscarded() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int i = 0; i < 5_000; i++) {
				Sinks.One<String> body = Sinks.one();
				AtomicReference<Runnable> timerTask = new AtomicReference<>();
				Timer capturing = (task, delayNanos) -> {
					timerTask.set(task);
					return () -> {
					};
				};
				List<String> discarded = new CopyOnWriteArrayList<>();
				Recorder<String> recorder = subscribe(
						BodyReadDeadline.of(body.asMono(), capturing, Duration.ofSeconds(1))
							.doOnDiscard(String.class, discarded::add));
				CountDownLatch go = new CountDownLatch(1);
				Future<?> fire = threads.submit(() -> {
					go.await();
					timerTask.get().run();
					return null;
				});
				Future<?> emit = threads.submit(() -> {
					go.await();
					return body.tryEmitValue("body");
				});
				go.countDown();
				fire.get(10, TimeUnit.SECONDS);
				emit.get(10, TimeUnit.SECONDS);
				assertThat(recorder.signals).as("round %d", i).hasValue(recorder.values.isEmpty() ? 1 : 2);
				if (recorder.values.isEmpty()) {
					assertThat(recorder.error).as("round %d", i).isInstanceOf(TimeoutException.class);
					assertThat(discarded).as("round %d", i).hasSizeLessThanOrEqualTo(1);
				}
				else {
					assertThat(recorder.values).as("round %d", i).containsExactly("body");
					assertThat(recorder.completed).as("round %d", i).isTrue();
					assertThat(recorder.error).as("round %d", i).isNull();
					assertThat(discarded).as("round %d", i).isEmpty();
				}
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static <T> Recorder<T> subscribe(Mono<T> read) {
		Recorder<T> recorder = new Recorder<>();
		read.subscribe(recorder);
		return recorder;
	}

	/** Keeps every signal it is given, asking for the body at once. */
	static final class Recorder<T> implements CoreSubscriber<T> {

		final AtomicReference<Subscription> subscription = new AtomicReference<>();

		final List<T> values = new CopyOnWriteArrayList<>();

		final AtomicInteger signals = new AtomicInteger();

		final CountDownLatch ended = new CountDownLatch(1);

		volatile @Nullable Throwable error;

		volatile boolean completed;

		volatile @Nullable Thread endedOn;

		@Override
		public void onSubscribe(Subscription subscription) {
			this.subscription.set(subscription);
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(T value) {
			this.values.add(value);
			this.signals.incrementAndGet();
		}

		@Override
		public void onError(Throwable failure) {
			this.error = failure;
			end();
		}

		@Override
		public void onComplete() {
			this.completed = true;
			end();
		}

		private void end() {
			this.signals.incrementAndGet();
			this.endedOn = Thread.currentThread();
			this.ended.countDown();
		}

	}

	/** An event loop that keeps every timer set on it. */
	static final class RecordingEventLoop extends DefaultEventLoop {

		final List<ScheduledFuture<?>> timers = new CopyOnWriteArrayList<>();

		@Override
		public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
			ScheduledFuture<?> timer = super.schedule(command, delay, unit);
			this.timers.add(timer);
			return timer;
		}

	}

}
