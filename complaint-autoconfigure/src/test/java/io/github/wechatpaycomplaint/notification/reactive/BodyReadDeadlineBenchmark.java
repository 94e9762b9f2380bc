package io.github.wechatpaycomplaint.notification.reactive;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

import io.github.wechatpaycomplaint.notification.reactive.BodyReadDeadline.Timer;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * What a body read's deadline costs per request on the event loop, time and allocated
 * bytes, for three ways of setting it against no deadline at all: Reactor's
 * {@code timeout} operator with a timer of the event loop (the endpoint before
 * {@link BodyReadDeadline}), the same deadline written with {@code Mono.create}, and
 * {@link BodyReadDeadline}. Each is measured with a body read while it is subscribed to
 * ({@code sync}: no timer needed) and with a body that comes after the subscription
 * ({@code async}: a timer set and cancelled, as on Reactor Netty). Everything runs on one
 * event-loop thread, as on the server; the variants take turns, 2 warm-up rounds, median
 * of 5 measured rounds. Run it with:
 *
 * <pre>
 * ./mvnw -B -q -Pbenchmark -pl complaint-autoconfigure -am process-test-classes \
 *     -Dexec.mainClass=io.github.wechatpaycomplaint.notification.reactive.BodyReadDeadlineBenchmark \
 *     -Dexec.args="500000"
 * </pre>
 *
 * The argument is the number of reads per variant and round.
 */
public final class BodyReadDeadlineBenchmark {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final int WARM_UP_ROUNDS = 2;

	private static final int MEASURED_ROUNDS = 5;

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private BodyReadDeadlineBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int reads = (args.length > 0) ? Integer.parseInt(args[0]) : 500_000;
		EventLoop eventLoop = new DefaultEventLoop();
		Map<String, UnaryOperator<Mono<String>>> variants = new LinkedHashMap<>();
		variants.put("no deadline", (read) -> read);
		variants.put("timeout operator", (read) -> read.timeout(timerOn(eventLoop)));
		variants.put("Mono.create", (read) -> created(read, Timer.on(eventLoop)));
		variants.put("BodyReadDeadline", (read) -> BodyReadDeadline.of(read, Timer.on(eventLoop), TIMEOUT));
		Map<String, List<double[]>> results = new TreeMap<>();
		try {
			for (int round = 0; round < WARM_UP_ROUNDS + MEASURED_ROUNDS; round++) {
				List<String> names = new ArrayList<>(variants.keySet());
				// Each round starts with the next variant.
				Collections.rotate(names, round);
				for (boolean bodyAfterSubscription : new boolean[] { false, true }) {
					for (String name : names) {
						UnaryOperator<Mono<String>> variant = variants.get(name);
						double[] result = eventLoop.submit(() -> measure(variant, bodyAfterSubscription, reads)).get();
						if (round >= WARM_UP_ROUNDS) {
							results
								.computeIfAbsent(name + (bodyAfterSubscription ? ", async" : ", sync"),
										(key) -> new ArrayList<>())
								.add(result);
						}
					}
				}
			}
		}
		finally {
			eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
		}
		System.out.printf(Locale.ROOT, "%,d reads per variant and round, median of %d rounds%n", reads,
				MEASURED_ROUNDS);
		results.forEach((name, rounds) -> System.out.printf(Locale.ROOT, "%-26s: %7.1f ns, %5.0f bytes per read%n",
				name, median(rounds, 0), median(rounds, 1)));
	}

	// The endpoint's deadline before BodyReadDeadline: a signal of the event loop for
	// Reactor's timeout operator.
	private static Mono<Long> timerOn(EventLoop eventLoop) {
		return Mono.create((sink) -> {
			ScheduledFuture<?> timer = eventLoop.schedule(() -> sink.success(0L), TIMEOUT.toNanos(),
					TimeUnit.NANOSECONDS);
			sink.onDispose(() -> timer.cancel(false));
		});
	}

	// The same deadline as BodyReadDeadline, written with Mono.create.
	private static <T> Mono<T> created(Mono<T> read, Timer timer) {
		return Mono.create((sink) -> {
			Disposable reading = read.subscribe(sink::success, sink::error, sink::success);
			if (reading.isDisposed()) {
				return;
			}
			Disposable scheduled = timer.schedule(() -> {
				reading.dispose();
				sink.error(new TimeoutException());
			}, TIMEOUT.toNanos());
			sink.onDispose(() -> {
				scheduled.dispose();
				reading.dispose();
			});
		});
	}

	private static double[] measure(UnaryOperator<Mono<String>> variant, boolean bodyAfterSubscription, int reads) {
		Counter counter = new Counter();
		long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
		long start = System.nanoTime();
		for (int i = 0; i < reads; i++) {
			if (bodyAfterSubscription) {
				Sinks.One<String> body = Sinks.one();
				variant.apply(body.asMono().map(String::trim)).subscribe(counter);
				body.tryEmitValue("body");
			}
			else {
				// Collected like the endpoint's body.
				variant.apply(
						Flux.just("bo", "dy").collect(StringBuilder::new, StringBuilder::append).map(Object::toString))
					.subscribe(counter);
			}
		}
		long elapsed = System.nanoTime() - start;
		long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
		if (counter.bodies != reads) {
			throw new IllegalStateException(counter.bodies + " bodies read of " + reads);
		}
		return new double[] { (double) elapsed / reads, (double) allocated / reads };
	}

	private static double median(List<double[]> rounds, int index) {
		double[] values = rounds.stream().mapToDouble((round) -> round[index]).sorted().toArray();
		return values[values.length / 2];
	}

	/** Counts the bodies read. */
	private static final class Counter implements CoreSubscriber<Object> {

		private long bodies;

		@Override
		public void onSubscribe(Subscription subscription) {
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(Object body) {
			this.bodies++;
		}

		@Override
		public void onError(Throwable failure) {
			throw new IllegalStateException(failure);
		}

		@Override
		public void onComplete() {
		}

	}

}
