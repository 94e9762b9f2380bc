package io.github.wechatpaycomplaint.notification.store;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import io.github.wechatpaycomplaint.notification.NotificationClaim;
import io.github.wechatpaycomplaint.notification.NotificationClaim.Status;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps notification ids in one database table (PostgreSQL, MySQL/MariaDB, H2; see {@link JdbcDeduplicationSchema}),
 * shared by every instance. A claim is an insert, and the primary key makes the first insert win. A row whose expiry
 * has passed (a finished id past its time to live, or a claim whose lease ran out) is taken over by a conditional
 * update, which also lets only one instance win. Expired rows are deleted at most once per purge interval.
 *
 * @since 0.1.0
 */
public final class JdbcNotificationDeduplicationStore implements NotificationDeduplicationStore {

	private static final String PROCESSING = "PROCESSING";

	private static final String DONE = "DONE";

	private static final int ATTEMPTS = 3;

	private final JdbcTemplate jdbc;

	private final String table;

	private final Clock clock;

	private final Duration purgeInterval;

	private final AtomicLong nextPurge = new AtomicLong();

	private final String insert;

	private final String takeOver;

	private final String selectState;

	private final String finish;

	private final String delete;

	private final String purge;

	/**
	 * Creates a store on an existing table.
	 * @param jdbc the template
	 * @param tableName the table, a plain SQL identifier
	 * @param clock the clock for expiries
	 * @param purgeInterval the least time between two deletions of expired rows
	 */
	public JdbcNotificationDeduplicationStore(JdbcTemplate jdbc, String tableName, Clock clock,
			Duration purgeInterval) {
		this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.purgeInterval = Objects.requireNonNull(purgeInterval, "purgeInterval");
		String table = JdbcDeduplicationSchema.checkTableName(tableName);
		this.table = table;
		this.insert = "INSERT INTO " + table + " (notification_id, claim_token, state, expires_at) VALUES (?, ?, '"
				+ PROCESSING + "', ?)";
		this.takeOver = "UPDATE " + table + " SET claim_token = ?, state = '" + PROCESSING
				+ "', expires_at = ? WHERE notification_id = ? AND expires_at <= ?";
		this.selectState = "SELECT state FROM " + table + " WHERE notification_id = ?";
		this.finish = "UPDATE " + table + " SET state = '" + DONE
				+ "', expires_at = ? WHERE notification_id = ? AND claim_token = ? AND state = '" + PROCESSING + "'";
		this.delete = "DELETE FROM " + table + " WHERE notification_id = ? AND claim_token = ? AND state = '"
				+ PROCESSING + "'";
		this.purge = "DELETE FROM " + table + " WHERE expires_at <= ?";
	}

	@Override
	public NotificationClaim claim(String notificationId, Duration lease) {
		long now = this.clock.millis();
		purgeIfDue(now);
		NotificationClaim claim = NotificationClaim.claimed(notificationId);
		long expiresAt = now + lease.toMillis();
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			try {
				this.jdbc.update(this.insert, notificationId, claim.token(), expiresAt);
				return claim;
			}
			catch (DuplicateKeyException ex) {
				// Seen before: take the row over if it expired, else report what it is.
			}
			if (this.jdbc.update(this.takeOver, claim.token(), expiresAt, notificationId, now) == 1) {
				return claim;
			}
			List<String> states = this.jdbc.queryForList(this.selectState, String.class, notificationId);
			if (!states.isEmpty()) {
				return NotificationClaim.refused(notificationId,
						DONE.equals(states.get(0)) ? Status.DUPLICATE : Status.IN_PROGRESS);
			}
			// Released or purged between the statements: try again.
		}
		return NotificationClaim.refused(notificationId, Status.IN_PROGRESS);
	}

	@Override
	public boolean markDone(NotificationClaim claim, Duration timeToLive) {
		long expiresAt = this.clock.millis() + timeToLive.toMillis();
		return this.jdbc.update(this.finish, expiresAt, claim.notificationId(), claim.requireToken()) == 1;
	}

	@Override
	public void release(NotificationClaim claim) {
		this.jdbc.update(this.delete, claim.notificationId(), claim.requireToken());
	}

	/**
	 * Deletes every expired row now.
	 * @return the number of rows deleted
	 */
	public int purgeExpired() {
		return this.jdbc.update(this.purge, this.clock.millis());
	}

	private void purgeIfDue(long now) {
		long due = this.nextPurge.get();
		if (now >= due && this.nextPurge.compareAndSet(due, now + this.purgeInterval.toMillis())) {
			this.jdbc.update(this.purge, now);
		}
	}

	@Override
	public String toString() {
		return "JdbcNotificationDeduplicationStore[table=" + this.table + "]";
	}

}
