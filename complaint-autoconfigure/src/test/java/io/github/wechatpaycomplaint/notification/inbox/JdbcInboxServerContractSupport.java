package io.github.wechatpaycomplaint.notification.inbox;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox contract on a real server, plus what only a shared server shows
 * ({@link SharedInboxScenarios}).
 */
abstract class JdbcInboxServerContractSupport extends JdbcInboxContractSupport {

	@Test
	void twoInstancesCompetingForOneInboxPublishEachEntryOnceAndEachComplaintInOrder() {
		SharedInboxScenarios.twoInstancesPublishEachEntryOnceAndEachComplaintInOrder(this::systemClockInbox,
				getClass().getSimpleName());
	}

	@Test
	void aThousandConcurrentDuplicateDeliveriesRecordOneEntry() throws Exception {
		SharedInboxScenarios.aThousandConcurrentDuplicateDeliveriesRecordOnce(systemClockInbox());
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM " + this.table, Integer.class)).isEqualTo(1);
	}

	private NotificationInbox systemClockInbox() {
		return new JdbcNotificationInbox(this.jdbc, this.table, Clock.systemUTC(), Duration.ofSeconds(5));
	}

}
