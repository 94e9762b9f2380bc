package io.github.wechatpaycomplaint.notification.inbox;

import java.time.Clock;
import java.time.Duration;

/**
 * The inbox contract on a real server, plus what only a shared server shows
 * ({@link SharedInboxScenarios}).
 */
abstract class JdbcInboxServerContractSupport extends JdbcInboxContractSupport implements SharedInboxScenarios {

	@Override
	public NotificationInbox systemClockInbox() {
		return new JdbcNotificationInbox(this.jdbc, this.table, Clock.systemUTC(), Duration.ofSeconds(5));
	}

	@Override
	public long storedEntries() {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + this.table, Long.class);
		return (count != null) ? count : 0;
	}

}
