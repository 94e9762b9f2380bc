package io.github.wechatpaycomplaint.notification.reactive;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.netty.channel.DefaultEventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.mock.web.reactive.function.server.MockServerRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body's read deadline on Reactor Netty is a timer of the connection's event loop,
 * cancelled there when the body has been read; without an event loop it is Reactor's
 * timer.
 */
class BodyReadDeadlineTests {

	private final RecordingEventLoop eventLoop = new RecordingEventLoop();

	@AfterEach
	void stop() {
		this.eventLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
	}

	@Test
	void firesOnTheEventLoopOnceTheTimeoutHasPassed() {
		Thread fired = BodyReadDeadline.on(this.eventLoop, Duration.ofMillis(50))
			.map((tick) -> Thread.currentThread())
			.block(Duration.ofSeconds(10));
		assertThat(this.eventLoop.inEventLoop(fired)).isTrue();
	}

	@Test
	void aBodyReadInTimeCancelsItsTimer() {
		Disposable waiting = BodyReadDeadline.on(this.eventLoop, Duration.ofSeconds(30)).subscribe();
		assertThat(this.eventLoop.timers).singleElement()
			.satisfies((timer) -> assertThat(timer.isCancelled()).isFalse());
		waiting.dispose();
		assertThat(this.eventLoop.timers).singleElement()
			.satisfies((timer) -> assertThat(timer.isCancelled()).isTrue());
	}

	@Test
	void theBodyOfARequestOfNoNettyConnectionTimesOutOnReactorsTimer() {
		Long fired = BodyReadDeadline.after(MockServerRequest.builder().build(), Duration.ofMillis(50))
			.block(Duration.ofSeconds(10));
		assertThat(fired).isZero();
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
