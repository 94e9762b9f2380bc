package io.github.wechatpaycomplaint.deadline.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import io.github.wechatpaycomplaint.deadline.ComplaintRef;
import io.github.wechatpaycomplaint.deadline.Threshold;
import io.github.wechatpaycomplaint.deadline.TrackedComplaint;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.SqlParameterValue;

/**
 * How a {@link TrackedComplaint} is kept in a row of the ledger table: instants as epoch
 * milliseconds (absent ones as SQL {@code NULL}), the published thresholds as a bitmask
 * of their ordinals, and beside them the rules fingerprint and the version that writes
 * compare and set.
 */
final class JdbcLedgerRows {

	/** Every column, in the order {@link #read} reads them. */
	static final String COLUMNS = "merchant_name, complaint_id, merchant_id, learned_at, round_number, round_start, "
			+ "first_reply_at, completed_at, platform_service_requested_at, published, next_check_at, "
			+ "rules_fingerprint, version";

	private JdbcLedgerRows() {
	}

	/**
	 * A complaint as stored, with the version it was read at.
	 *
	 * @param complaint the complaint
	 * @param rulesFingerprint the fingerprint of the rules its next check was computed
	 * with
	 * @param version incremented by every write
	 */
	record StoredComplaint(TrackedComplaint complaint, String rulesFingerprint, long version) {

	}

	static StoredComplaint read(ResultSet row, int rowNumber) throws SQLException {
		ComplaintRef ref = new ComplaintRef(row.getString("merchant_name"), row.getString("merchant_id"),
				row.getString("complaint_id"));
		TrackedComplaint complaint = new TrackedComplaint(ref, Instant.ofEpochMilli(row.getLong("learned_at")),
				row.getInt("round_number"), instant(row, "round_start"), instant(row, "first_reply_at"),
				instant(row, "completed_at"), instant(row, "platform_service_requested_at"),
				thresholds(row.getInt("published")));
		return new StoredComplaint(complaint, row.getString("rules_fingerprint"), row.getLong("version"));
	}

	private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
		long millis = row.getLong(column);
		return row.wasNull() ? null : Instant.ofEpochMilli(millis);
	}

	/**
	 * The complaint as it reads back from a row: every instant cut to the millisecond.
	 * @param complaint the complaint
	 * @return the complaint in milliseconds
	 */
	static TrackedComplaint inMillis(TrackedComplaint complaint) {
		return new TrackedComplaint(complaint.ref(), millisOf(complaint.learnedAt()), complaint.round(),
				millisOf(complaint.roundStart()), millisOf(complaint.firstReplyAt()), millisOf(complaint.completedAt()),
				millisOf(complaint.platformServiceRequestedAt()), complaint.published());
	}

	private static @Nullable Instant millisOf(@Nullable Instant instant) {
		return (instant != null) ? Instant.ofEpochMilli(instant.toEpochMilli()) : null;
	}

	/**
	 * An instant as a statement parameter, typed so that {@code NULL} binds on every
	 * driver.
	 * @param instant the instant, or {@code null}
	 * @return the parameter
	 */
	static SqlParameterValue millis(@Nullable Instant instant) {
		return new SqlParameterValue(Types.BIGINT, (instant != null) ? instant.toEpochMilli() : null);
	}

	static int bitmask(Set<Threshold> thresholds) {
		int mask = 0;
		for (Threshold threshold : thresholds) {
			mask |= 1 << threshold.ordinal();
		}
		return mask;
	}

	static Set<Threshold> thresholds(int mask) {
		EnumSet<Threshold> thresholds = EnumSet.noneOf(Threshold.class);
		for (Threshold threshold : Threshold.values()) {
			if ((mask & (1 << threshold.ordinal())) != 0) {
				thresholds.add(threshold);
			}
		}
		return thresholds;
	}

}
