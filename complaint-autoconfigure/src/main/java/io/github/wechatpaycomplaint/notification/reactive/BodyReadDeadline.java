package io.github.wechatpaycomplaint.notification.reactive;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * When a request body must have been read: a signal after the read timeout. On Reactor
 * Netty the timer is the connection's own event loop, which sets and cancels it in its
 * own queue; Reactor's default timer ({@link Mono#delay}) runs on another thread, which
 * every request would wake twice (to set the timer and to cancel it), and on a small
 * machine those wake-ups cost about a tenth of the endpoint's throughput.
 */
final class BodyReadDeadline {

	private static final boolean REACTOR_NETTY_PRESENT = ClassUtils.isPresent("reactor.netty.Connection",
			BodyReadDeadline.class.getClassLoader());

	private BodyReadDeadline() {
	}

	/**
	 * A signal after the timeout, on the request's event loop when it has one.
	 * @param request the request whose body is read
	 * @param timeout the longest time to read it
	 * @return a Mono that emits once the timeout has passed
	 */
	static Mono<Long> after(ServerRequest request, Duration timeout) {
		EventLoop eventLoop = REACTOR_NETTY_PRESENT ? ReactorNetty.eventLoop(request) : null;
		return (eventLoop != null) ? on(eventLoop, timeout) : Mono.delay(timeout);
	}

	static Mono<Long> on(EventLoop eventLoop, Duration timeout) {
		return Mono.create((sink) -> {
			ScheduledFuture<?> timer = eventLoop.schedule(() -> sink.success(0L), timeout.toNanos(),
					TimeUnit.NANOSECONDS);
			sink.onDispose(() -> timer.cancel(false));
		});
	}

	/** Loaded only when Reactor Netty is on the class path. */
	private static final class ReactorNetty {

		static @Nullable EventLoop eventLoop(ServerRequest request) {
			Object nativeRequest;
			try {
				nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request.exchange().getRequest());
			}
			catch (IllegalStateException | IllegalArgumentException ex) {
				// No exchange (a mock request) or a request of no known server.
				return null;
			}
			return (nativeRequest instanceof Connection connection) ? connection.channel().eventLoop() : null;
		}

	}

}
