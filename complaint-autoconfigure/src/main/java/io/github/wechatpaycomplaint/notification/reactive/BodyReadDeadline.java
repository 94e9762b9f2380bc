package io.github.wechatpaycomplaint.notification.reactive;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.util.context.Context;

import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * A body read that fails with a {@link TimeoutException} unless it ends within the read
 * timeout; cancelling the read cancels its timer too. It does less than Reactor's
 * {@code timeout} operator, whose every subscription builds the description of a timeout
 * error it will hardly ever raise and subscribes to a timer publisher: a body already
 * read by the time its read has been subscribed to (a body the server had buffered) sets
 * no timer at all, any other sets one. Reactor Netty subscribes as soon as the headers
 * are decoded, before the body that came with them, so there a body nearly always sets
 * one. On Reactor Netty the timer is the connection's own event loop, which sets and
 * cancels it in its own queue; Reactor's parallel scheduler, the timer elsewhere (and for
 * a mock request), runs on another thread, which every request would wake twice, and on a
 * small machine those wake-ups cost about a tenth of the endpoint's throughput.
 *
 * @param <T> the body
 */
final class BodyReadDeadline<T> extends Mono<T> {

	private static final boolean REACTOR_NETTY_PRESENT = ClassUtils.isPresent("reactor.netty.Connection",
			BodyReadDeadline.class.getClassLoader());

	private final Mono<T> read;

	private final Timer timer;

	private final Duration timeout;

	private BodyReadDeadline(Mono<T> read, Timer timer, Duration timeout) {
		this.read = read;
		this.timer = timer;
		this.timeout = timeout;
	}

	/**
	 * A read of a request's body with a deadline, timed on the request's event loop when
	 * it has one.
	 * @param <T> the body
	 * @param read reads the body
	 * @param request the request whose body is read
	 * @param timeout the longest time to read it
	 * @return the read, failing with a {@link TimeoutException} once the timeout has
	 * passed
	 */
	static <T> Mono<T> of(Mono<T> read, ServerRequest request, Duration timeout) {
		Timer timer = REACTOR_NETTY_PRESENT ? ReactorNetty.timer(request) : null;
		return of(read, (timer != null) ? timer : Timer.on(Schedulers.parallel()), timeout);
	}

	static <T> Mono<T> of(Mono<T> read, Timer timer, Duration timeout) {
		return Mono.onAssembly(new BodyReadDeadline<>(read, timer, timeout));
	}

	@Override
	public void subscribe(CoreSubscriber<? super T> actual) {
		DeadlineSubscriber<T> deadline = new DeadlineSubscriber<>(actual, this.timeout);
		// The subscription is the deferred one: the timer may fail the read even before
		// the body's publisher has handed over its subscription.
		actual.onSubscribe(deadline);
		this.read.subscribe(deadline);
		deadline.armUnlessEnded(this.timer);
	}

	/** Runs a task once after a delay, unless disposed first. */
	@FunctionalInterface
	interface Timer {

		Disposable schedule(Runnable task, long delayNanos);

		static Timer on(EventLoop eventLoop) {
			return (task, delayNanos) -> {
				ScheduledFuture<?> future = eventLoop.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
				return () -> future.cancel(false);
			};
		}

		static Timer on(Scheduler scheduler) {
			return (task, delayNanos) -> scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
		}

	}

	/**
	 * Passes the read's signals on until the timer fires, and fails the read when the
	 * timer fires first: whichever of the two comes first wins, once.
	 */
	static final class DeadlineSubscriber<T> extends Operators.DeferredSubscription
			implements CoreSubscriber<T>, Runnable {

		private static final int READING = 0;

		private static final int VALUE_PASSED = 1;

		private static final int ENDED = 2;

		private static final AtomicIntegerFieldUpdater<DeadlineSubscriber> STATE = AtomicIntegerFieldUpdater
			.newUpdater(DeadlineSubscriber.class, "state");

		@SuppressWarnings("rawtypes")
		private static final AtomicReferenceFieldUpdater<DeadlineSubscriber, Disposable> ARMED = AtomicReferenceFieldUpdater
			.newUpdater(DeadlineSubscriber.class, Disposable.class, "armed");

		// Stands for a timer no longer to be set: the read has ended or been cancelled.
		private static final Disposable DISARMED = () -> {
		};

		private final CoreSubscriber<? super T> actual;

		private final Duration timeout;

		private volatile int state;

		private volatile @Nullable Disposable armed;

		DeadlineSubscriber(CoreSubscriber<? super T> actual, Duration timeout) {
			this.actual = actual;
			this.timeout = timeout;
		}

		void armUnlessEnded(Timer timer) {
			if (this.state != READING) {
				// Read (or failed, or cancelled) while it was subscribed to.
				return;
			}
			Disposable scheduled;
			try {
				scheduled = timer.schedule(this, this.timeout.toNanos());
			}
			catch (RuntimeException ex) {
				// The timer's threads are shutting down: no read without a deadline.
				fail(ex);
				return;
			}
			if (!ARMED.compareAndSet(this, null, scheduled)) {
				// The read ended on another thread meanwhile.
				scheduled.dispose();
			}
		}

		private void disarm() {
			Disposable scheduled = ARMED.getAndSet(this, DISARMED);
			if (scheduled != null) {
				scheduled.dispose();
			}
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			set(subscription);
		}

		@Override
		public void onNext(T value) {
			if (STATE.compareAndSet(this, READING, VALUE_PASSED)) {
				disarm();
				this.actual.onNext(value);
			}
			else {
				// Too late: the timer has fired or the read was cancelled.
				Operators.onDiscard(value, this.actual.currentContext());
			}
		}

		@Override
		public void onError(Throwable failure) {
			if (STATE.getAndSet(this, ENDED) != ENDED) {
				disarm();
				this.actual.onError(failure);
			}
			else {
				Operators.onErrorDropped(failure, this.actual.currentContext());
			}
		}

		@Override
		public void onComplete() {
			if (STATE.getAndSet(this, ENDED) != ENDED) {
				disarm();
				this.actual.onComplete();
			}
		}

		/** The timer has fired. */
		@Override
		public void run() {
			fail(new TimeoutException("The body was not read within " + this.timeout.toMillis() + " ms"));
		}

		private void fail(Throwable failure) {
			if (STATE.compareAndSet(this, READING, ENDED)) {
				// Cancelling the read releases the buffers it still holds.
				super.cancel();
				this.actual.onError(failure);
			}
		}

		@Override
		public void cancel() {
			STATE.set(this, ENDED);
			disarm();
			super.cancel();
		}

	}

	/** Loaded only when Reactor Netty is on the class path. */
	private static final class ReactorNetty {

		static @Nullable Timer timer(ServerRequest request) {
			Object nativeRequest;
			try {
				nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request.exchange().getRequest());
			}
			catch (IllegalStateException | IllegalArgumentException ex) {
				// No exchange (a mock request) or a request of no known server.
				return null;
			}
			return (nativeRequest instanceof Connection connection) ? Timer.on(connection.channel().eventLoop()) : null;
		}

	}

}
