package io.github.wechatpaycomplaint.deadline.store;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import io.github.wechatpaycomplaint.deadline.ComplaintFact;
import io.github.wechatpaycomplaint.deadline.ComplaintRef;
import io.github.wechatpaycomplaint.deadline.DeadlineRules;
import io.github.wechatpaycomplaint.deadline.Threshold;
import io.github.wechatpaycomplaint.notification.store.DeduplicationStoreUnavailableException;
import io.github.wechatpaycomplaint.testsupport.SilentServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A Redis ledger whose Redis is down (nothing listens) or hangs (accepts, never answers)
 * fails each operation within its operation timeout, never after Lettuce's own 60 s; no
 * server needed.
 */
class RedisComplaintLedgerUnreachableTests {

	private static final Duration TIMEOUT = Duration.ofMillis(800);

	private static final ComplaintRef REF = new ComplaintRef("shop", "mch-shop", "200000001");

	private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

	@Test
	void aRedisWhereNothingListensFailsEveryOperationWithinTheTimeout() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		// Refused at once, or (a cold client still starting) given up at the timeout.
		onLedger(closedPort, (ledger) -> everyOperationFailsInTime(ledger, DataAccessException.class,
				DeduplicationStoreUnavailableException.class));
	}

	@Test
	void aRedisThatAcceptsButNeverAnswersFailsEveryOperationWithinTheTimeout() throws Exception {
		try (SilentServer server = new SilentServer()) {
			onLedger(server.port(),
					(ledger) -> everyOperationFailsInTime(ledger, DeduplicationStoreUnavailableException.class));
		}
	}

	@SafeVarargs
	private static void everyOperationFailsInTime(RedisComplaintLedger ledger,
			Class<? extends RuntimeException>... failures) {
		assertFailsInTime(() -> ledger.record(REF, new ComplaintFact.Filed(NOW)), failures);
		assertFailsInTime(() -> ledger.find("shop", "200000001"), failures);
		assertFailsInTime(() -> ledger.dueForCheck(NOW, 10), failures);
		assertFailsInTime(() -> ledger.markPublished(REF, 1, Threshold.FIRST_REPLY_DUE_SOON), failures);
		assertFailsInTime(ledger::open, failures);
		assertFailsInTime(() -> ledger.summaries(NOW, DeadlineRules.WECHAT_PAY), failures);
		assertFailsInTime(() -> ledger.mostUrgent(DeadlineRules.WECHAT_PAY, 10), failures);
		assertFailsInTime(() -> ledger.purge(Duration.ofDays(7), Duration.ofDays(30)), failures);
		assertFailsInTime(ledger::realign, failures);
		assertFailsInTime(ledger::checkAvailable, failures);
	}

	private static void onLedger(int port, Consumer<RedisComplaintLedger> test) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", port));
		factory.afterPropertiesSet();
		factory.start();
		try {
			test.accept(new RedisComplaintLedger(new StringRedisTemplate(factory), "{wpc-test}:",
					DeadlineRules.WECHAT_PAY, Clock.systemUTC(), TIMEOUT));
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
