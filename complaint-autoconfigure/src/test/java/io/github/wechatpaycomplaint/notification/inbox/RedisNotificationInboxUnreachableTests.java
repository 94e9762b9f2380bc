package io.github.wechatpaycomplaint.notification.inbox;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

import io.github.wechatpaycomplaint.notification.store.DeduplicationStoreUnavailableException;
import io.github.wechatpaycomplaint.testsupport.SilentServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static io.github.wechatpaycomplaint.notification.inbox.InboxNotifications.notification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A Redis inbox whose Redis is down (nothing listens) or hangs (accepts, never answers)
 * fails each operation within its operation timeout, the endpoint's record as much as the
 * workers' claims, never after Lettuce's own 60 s; no server needed.
 */
class RedisNotificationInboxUnreachableTests {

	private static final Duration TIMEOUT = Duration.ofMillis(800);

	@Test
	void aRedisWhereNothingListensFailsEveryOperationWithinTheTimeout() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		onInbox(closedPort, (inbox) -> {
			// Refused at once, or (a cold client still starting) given up at the timeout.
			assertFailsInTime(() -> inbox.record(notification("n-1", "c-1", 0)), DataAccessException.class,
					DeduplicationStoreUnavailableException.class);
			assertFailsInTime(() -> inbox.claimDue(10, Duration.ofMinutes(5)), DataAccessException.class,
					DeduplicationStoreUnavailableException.class);
			assertFailsInTime(inbox::checkAvailable, DataAccessException.class,
					DeduplicationStoreUnavailableException.class);
		});
	}

	@Test
	void aRedisThatAcceptsButNeverAnswersFailsEveryOperationWithinTheTimeout() throws Exception {
		try (SilentServer server = new SilentServer()) {
			onInbox(server.port(), (inbox) -> {
				assertFailsInTime(() -> inbox.record(notification("n-1", "c-1", 0)),
						DeduplicationStoreUnavailableException.class);
				assertFailsInTime(() -> inbox.claimDue(10, Duration.ofMinutes(5)),
						DeduplicationStoreUnavailableException.class);
				assertFailsInTime(inbox::backlog, DeduplicationStoreUnavailableException.class);
				assertFailsInTime(inbox::checkAvailable, DeduplicationStoreUnavailableException.class);
			});
		}
	}

	private static void onInbox(int port, Consumer<RedisNotificationInbox> test) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", port));
		factory.afterPropertiesSet();
		factory.start();
		try {
			test.accept(new RedisNotificationInbox(new StringRedisTemplate(factory), "{wpc-test}:", Clock.systemUTC(),
					TIMEOUT));
		}
		finally {
			factory.destroy();
		}
	}

	@SafeVarargs
	private static void assertFailsInTime(Executable operation, Class<? extends RuntimeException>... failures) {
		long start = System.nanoTime();
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(operation::execute)
			.satisfies((failure) -> assertThat(failure).isInstanceOfAny(failures));
		// The timeout plus scheduling slack on a loaded machine; Lettuce alone would wait
		// 10 s to connect and 60 s per command.
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT.plusSeconds(2));
	}

}
