package io.github.wechatpaycomplaint.deadline.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.wechatpaycomplaint.deadline.ComplaintFact.Completed;
import io.github.wechatpaycomplaint.deadline.ComplaintFact.Continued;
import io.github.wechatpaycomplaint.deadline.ComplaintFact.Filed;
import io.github.wechatpaycomplaint.deadline.ComplaintFact.MerchantReplied;
import io.github.wechatpaycomplaint.deadline.ComplaintLedger;
import io.github.wechatpaycomplaint.deadline.ComplaintLedgerContractTests;
import io.github.wechatpaycomplaint.deadline.ComplaintRef;
import io.github.wechatpaycomplaint.deadline.DeadlineRules;
import io.github.wechatpaycomplaint.deadline.DeadlineWatcher;
import io.github.wechatpaycomplaint.deadline.MemoryComplaintLedger;
import io.github.wechatpaycomplaint.deadline.Threshold;
import io.github.wechatpaycomplaint.deadline.TrackedComplaint;
import io.github.wechatpaycomplaint.deadline.event.ComplaintDeadlineEvent;
import io.github.wechatpaycomplaint.deadline.event.FirstReplyDueSoonEvent;
import io.github.wechatpaycomplaint.deadline.event.FirstReplyOverdueEvent;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import io.github.wechatpaycomplaint.notification.store.JdbcDeduplicationSchema;
import io.github.wechatpaycomplaint.notification.store.JdbcNotificationDeduplicationStore;
import io.github.wechatpaycomplaint.testsupport.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger contract against one database, in a table of its own for each test created
 * with the shipped script (twice: applying it again is harmless), and what only a shared
 * ledger shows: two instances scanning together, a restart between two thresholds, and
 * new rules.
 */
abstract class JdbcComplaintLedgerContractSupport extends ComplaintLedgerContractTests {

	static final DeadlineRules RULES = DeadlineRules.WECHAT_PAY;

	static final Instant FILED = Instant.parse("2026-12-01T00:00:00Z");

	protected @Nullable JdbcTemplate jdbc;

	protected @Nullable String table;

	private final List<String> otherTables = new ArrayList<>();

	protected abstract DataSource dataSource();

	@Override
	protected ComplaintLedger createLedger(DeadlineRules rules, Clock clock) {
		// Called by the contract's set-up, before this class's own would run.
		if (this.table == null) {
			this.jdbc = new JdbcTemplate(dataSource());
			this.table = "wpc_ledger_"
					+ UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
			JdbcComplaintLedger.initializeSchema(this.jdbc, this.table);
			JdbcComplaintLedger.initializeSchema(this.jdbc, this.table);
		}
		return new JdbcComplaintLedger(this.jdbc, this.table, rules, clock, Duration.ofSeconds(5));
	}

	/** Another instance's ledger on the same table. */
	protected JdbcComplaintLedger otherInstance(DeadlineRules rules) {
		return (JdbcComplaintLedger) createLedger(rules, this.clock);
	}

	@AfterEach
	void dropTables() {
		this.jdbc.execute("DROP TABLE " + this.table);
		this.otherTables.forEach((other) -> this.jdbc.execute("DROP TABLE " + other));
	}

	@Test
	void isSharedAndItsNameHoldsNoComplaint() {
		this.ledger.record(ref("a", 1), new Filed(FILED));
		assertThat(this.ledger.isShared()).isTrue();
		assertThat(this.ledger).hasToString("JdbcComplaintLedger[table=" + this.table + ", operationTimeout=PT5S]");
	}

	@Test
	void aRowHoldsTheInstantsInMillisThePublishedBitmaskAndTheNextCheck() {
		ComplaintRef ref = ref("a", 1);
		this.ledger.record(ref, new Filed(FILED));
		this.ledger.markPublished(ref, 1, Threshold.FIRST_REPLY_DUE_SOON);
		this.ledger.markPublished(ref, 1, Threshold.RESOLUTION_DUE_SOON);
		Map<String, Object> row = this.jdbc.queryForMap("SELECT round_start, first_reply_at, published, next_check_at,"
				+ " rules_fingerprint, version FROM " + this.table);
		assertThat(((Number) row.get("round_start")).longValue()).isEqualTo(FILED.toEpochMilli());
		assertThat(row.get("first_reply_at")).isNull();
		assertThat(((Number) row.get("published")).intValue()).isEqualTo(0b101);
		assertThat(((Number) row.get("next_check_at")).longValue())
			.isEqualTo(FILED.plus(Duration.ofHours(24)).toEpochMilli());
		assertThat(row.get("rules_fingerprint")).isEqualTo(LedgerRulesFingerprint.of(RULES));
		assertThat(((Number) row.get("version")).longValue()).isEqualTo(3);
	}

	@Test
	void instantsFinerThanMillisecondsReadBackAsRecorded() {
		ComplaintLedger.Recorded recorded = this.ledger.record(ref("a", 1), new Filed(FILED.plusNanos(1_234_567)));
		assertThat(recorded.after().roundStart()).isEqualTo(FILED.plusMillis(1));
		assertThat(this.ledger.find("a", "20000001")).contains(recorded.after());
		assertThat(this.ledger.record(ref("a", 1), new Filed(FILED.plusNanos(1_234_567))).changed()).isFalse();
	}

	@Test
	void anIndexLeadsWithTheNextCheckSoThatScansReadTheDueRowsOnly() throws SQLException {
		assertThat(indexes().values())
			.anySatisfy((columns) -> assertThat(columns).startsWith("1:next_check_at", "2:merchant_name"));
		assertThat(indexes().values()).anySatisfy((columns) -> assertThat(columns).startsWith("1:completed_at"));
		assertThat(indexes().values()).anySatisfy((columns) -> assertThat(columns).startsWith("1:learned_at"));
	}

	private Map<String, List<String>> indexes() throws SQLException {
		Map<String, List<String>> indexes = new HashMap<>();
		try (Connection connection = dataSource().getConnection()) {
			DatabaseMetaData metaData = connection.getMetaData();
			for (String name : List.of(this.table, this.table.toUpperCase(Locale.ROOT))) {
				try (ResultSet index = metaData.getIndexInfo(connection.getCatalog(), null, name, false, false)) {
					while (index.next()) {
						String column = index.getString("COLUMN_NAME");
						if (column != null) {
							indexes.computeIfAbsent(index.getString("INDEX_NAME"), (key) -> new ArrayList<>())
								.add(index.getShort("ORDINAL_POSITION") + ":" + column.toLowerCase(Locale.ROOT));
						}
					}
				}
			}
		}
		indexes.values().forEach((columns) -> columns.sort(null));
		return indexes;
	}

	/**
	 * The plan of the scan's own statement (as the ledger prepares it) over 20,000
	 * complaints, a few hundred of them due, for the database's {@code EXPLAIN}.
	 * @param analyze the statement that refreshes the planner's statistics of the table
	 * @return the plan, one string per row
	 */
	protected List<String> planOfTheDueScan(String analyze) {
		List<Object[]> rows = new ArrayList<>();
		for (int n = 0; n < 20_000; n++) {
			long filed = FILED.plusSeconds(60L * n).toEpochMilli();
			rows.add(new Object[] { "merchant-" + (n % 100), "c-" + n, filed, filed, filed + 72_000_000L });
		}
		this.jdbc.batchUpdate("INSERT INTO " + this.table + " (" + JdbcLedgerRows.COLUMNS
				+ ") VALUES (?, ?, 'mch', ?, 1, ?, NULL, NULL, NULL, 0, ?, 'x', 1)", rows);
		this.jdbc.execute(analyze.replace("${table}", this.table));
		List<String> prepared = new CopyOnWriteArrayList<>();
		DataSource recording = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, arguments) -> {
					Object result = method.invoke(dataSource(), arguments);
					if (!(result instanceof Connection connection)) {
						return result;
					}
					return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
							(connectionProxy, call, callArguments) -> {
								if (call.getName().equals("prepareStatement")
										&& callArguments[0] instanceof String sql) {
									prepared.add(sql);
								}
								try {
									return call.invoke(connection, callArguments);
								}
								catch (InvocationTargetException ex) {
									throw ex.getCause();
								}
							});
				});
		Instant now = FILED.plus(Duration.ofHours(20)).plus(Duration.ofMinutes(300));
		assertThat(new JdbcComplaintLedger(new JdbcTemplate(recording), this.table, RULES, this.clock,
				Duration.ofSeconds(5))
			.dueForCheck(now, 100)).hasSize(100);
		String scan = prepared.stream().filter((sql) -> sql.contains("next_check_at <=")).findFirst().orElseThrow();
		return this.jdbc.query("EXPLAIN " + scan, (row, rowNumber) -> {
			StringBuilder text = new StringBuilder();
			for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
				text.append(row.getString(column)).append(' ');
			}
			return text.toString();
		}, now.toEpochMilli(), 100);
	}

	@Test
	void twoInstancesScanningTogetherPublishEveryThresholdExactlyOnce() throws Exception {
		assertThat(scanWithTwoInstances(null, null)).isNotEmpty();
	}

	@Test
	void twoInstancesScanningUnderTheDeduplicationStoresLockPublishEveryThresholdExactlyOnce() throws Exception {
		String lockTable = this.table + "_lock";
		this.otherTables.add(lockTable);
		JdbcDeduplicationSchema.initialize(this.jdbc, lockTable);
		assertThat(scanWithTwoInstances(lockStore(lockTable), lockStore(lockTable))).isNotEmpty();
	}

	private NotificationDeduplicationStore lockStore(String lockTable) {
		return new JdbcNotificationDeduplicationStore(this.jdbc, lockTable, this.clock, Duration.ofHours(1),
				Duration.ofSeconds(5));
	}

	/**
	 * 200 complaints of 3 merchants, some replied to, completed or reopened, recorded
	 * through two ledgers on the table; two watchers, each on its own ledger and
	 * publisher, scan in parallel at several clock positions. Together they publish
	 * exactly what one watcher on a memory ledger publishes.
	 * @return the events, as merchant/complaint/round/threshold
	 */
	private List<String> scanWithTwoInstances(@Nullable NotificationDeduplicationStore lockOne,
			@Nullable NotificationDeduplicationStore lockTwo) throws Exception {
		MutableClock referenceClock = new MutableClock(FILED);
		MemoryComplaintLedger reference = new MemoryComplaintLedger(RULES, referenceClock);
		List<String> expected = new CopyOnWriteArrayList<>();
		DeadlineWatcher referenceWatcher = new DeadlineWatcher(reference, RULES,
				(event) -> expected.add(describe((ComplaintDeadlineEvent) event)), referenceClock, 16);
		JdbcComplaintLedger otherLedger = otherInstance(RULES);
		List<String> publishedByOne = new CopyOnWriteArrayList<>();
		List<String> publishedByTwo = new CopyOnWriteArrayList<>();
		DeadlineWatcher one = new DeadlineWatcher(this.ledger, RULES,
				(event) -> publishedByOne.add(describe((ComplaintDeadlineEvent) event)), this.clock, 16, lockOne,
				Duration.ofMinutes(1));
		DeadlineWatcher two = new DeadlineWatcher(otherLedger, RULES,
				(event) -> publishedByTwo.add(describe((ComplaintDeadlineEvent) event)), this.clock, 16, lockTwo,
				Duration.ofMinutes(1));
		for (int n = 0; n < 200; n++) {
			ComplaintRef ref = ref("merchant-" + (n % 3), n);
			Instant filed = FILED.plus(Duration.ofMinutes(17L * n));
			(n % 2 == 0 ? this.ledger : otherLedger).record(ref, new Filed(filed));
			reference.record(ref, new Filed(filed));
			if (n % 5 == 0) {
				otherLedger.record(ref, new MerchantReplied(filed.plus(Duration.ofHours(3))));
				reference.record(ref, new MerchantReplied(filed.plus(Duration.ofHours(3))));
			}
		}
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			for (int hours : new int[] { 10, 21, 25, 40, 62, 66, 75, 80, 100, 130 }) {
				Instant now = FILED.plus(Duration.ofHours(hours));
				if (hours == 62) {
					// Some complaints completed, some reopened on the way.
					for (int n = 0; n < 200; n += 7) {
						ComplaintRef ref = ref("merchant-" + (n % 3), n);
						Instant fact = now.minus(Duration.ofMinutes(1));
						if (n % 2 == 0) {
							this.ledger.record(ref, new Completed(fact));
							reference.record(ref, new Completed(fact));
						}
						else {
							otherLedger.record(ref, new Continued(fact));
							reference.record(ref, new Continued(fact));
						}
					}
				}
				this.clock.set(now);
				referenceClock.set(now);
				referenceWatcher.scan();
				CyclicBarrier start = new CyclicBarrier(2);
				List<Callable<Integer>> scans = List.of(() -> scanTwice(one, start), () -> scanTwice(two, start));
				for (Future<Integer> scan : executor.invokeAll(scans, 60, TimeUnit.SECONDS)) {
					scan.get();
				}
			}
		}
		finally {
			executor.shutdownNow();
		}
		List<String> published = new ArrayList<>(publishedByOne);
		published.addAll(publishedByTwo);
		assertThat(published).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
		return published;
	}

	private static int scanTwice(DeadlineWatcher watcher, CyclicBarrier start) throws Exception {
		start.await(30, TimeUnit.SECONDS);
		return watcher.scan() + watcher.scan();
	}

	private static String describe(ComplaintDeadlineEvent event) {
		return event.getMerchantName() + "/" + event.getComplaintId() + "/" + event.getRound() + "/"
				+ event.getClass().getSimpleName();
	}

	@Test
	void aRestartBetweenDueSoonAndOverdueNeitherRepeatsNorDrops() {
		ComplaintRef ref = ref("a", 1);
		this.ledger.record(ref, new Filed(FILED));
		List<Object> beforeRestart = new CopyOnWriteArrayList<>();
		this.clock.set(FILED.plus(Duration.ofHours(21)));
		new DeadlineWatcher(this.ledger, RULES, beforeRestart::add, this.clock, 10).scan();
		assertThat(beforeRestart).hasExactlyElementsOfTypes(FirstReplyDueSoonEvent.class);
		// The instance stops; a new one starts on the same table.
		List<Object> afterRestart = new CopyOnWriteArrayList<>();
		DeadlineWatcher restarted = new DeadlineWatcher(otherInstance(RULES), RULES, afterRestart::add, this.clock, 10);
		assertThat(restarted.scan()).isZero();
		this.clock.set(FILED.plus(Duration.ofHours(25)));
		assertThat(restarted.scan()).isOne();
		assertThat(restarted.scan()).isZero();
		assertThat(afterRestart).hasExactlyElementsOfTypes(FirstReplyOverdueEvent.class);
	}

	@Test
	void realignComputesTheNextCheckAgainForOpenComplaintsWrittenUnderOtherRules() {
		this.ledger.record(ref("a", 1), new Filed(FILED));
		this.ledger.record(ref("a", 2), new Filed(FILED));
		this.ledger.record(ref("a", 2), new Completed(FILED.plus(Duration.ofHours(1))));
		// The next deployment warns 6 hours before the first-reply deadline instead of 4.
		DeadlineRules sixHours = new DeadlineRules(Duration.ofHours(24), Duration.ofHours(72), Duration.ofHours(6),
				Duration.ofHours(12));
		JdbcComplaintLedger redeployed = otherInstance(sixHours);
		Instant eighteenHours = FILED.plus(Duration.ofHours(18));
		assertThat(redeployed.dueForCheck(eighteenHours, 10)).isEmpty();
		assertThat(redeployed.realign()).isOne();
		assertThat(redeployed.realign()).isZero();
		assertThat(redeployed.dueForCheck(eighteenHours, 10)).extracting((complaint) -> complaint.ref().complaintId())
			.containsExactly("20000001");
		List<Object> events = new ArrayList<>();
		this.clock.set(eighteenHours);
		new DeadlineWatcher(redeployed, sixHours, events::add, this.clock, 10).scan();
		assertThat(events).hasExactlyElementsOfTypes(FirstReplyDueSoonEvent.class);
		// Back to the old rules: realigned again, and what was published stays published.
		JdbcComplaintLedger rolledBack = otherInstance(RULES);
		assertThat(rolledBack.realign()).isOne();
		assertThat(rolledBack.dueForCheck(FILED.plus(Duration.ofHours(23)), 10)).isEmpty();
		assertThat(rolledBack.dueForCheck(FILED.plus(Duration.ofHours(24)), 10)).hasSize(1);
	}

	@Test
	void realignGoesThroughMoreComplaintsThanABatch() {
		int complaints = 2 * JdbcComplaintLedger.BATCH + 3;
		List<Object[]> rows = new ArrayList<>();
		for (int n = 0; n < complaints; n++) {
			rows.add(new Object[] { "m-" + (n % 2), "c-" + n, FILED.toEpochMilli(), FILED.toEpochMilli() });
		}
		this.jdbc.batchUpdate("INSERT INTO " + this.table + " (" + JdbcLedgerRows.COLUMNS
				+ ") VALUES (?, ?, 'mch', ?, 1, ?, NULL, NULL, NULL, 0, 0, 'old-rules', 1)", rows);
		assertThat(this.ledger.dueForCheck(FILED, complaints)).hasSize(complaints);
		assertThat(((JdbcComplaintLedger) this.ledger).realign()).isEqualTo(complaints);
		assertThat(this.ledger.dueForCheck(FILED.plus(Duration.ofHours(19)), complaints)).isEmpty();
		assertThat(this.ledger.dueForCheck(FILED.plus(Duration.ofHours(20)), complaints)).hasSize(complaints);
	}

	@Test
	void purgingDeletesBatchAfterBatchAndKeepsWhatIsStillNeeded() {
		int old = 2 * JdbcComplaintLedger.BATCH + 7;
		List<Object[]> rows = new ArrayList<>();
		for (int n = 0; n < old + 3; n++) {
			Long completedAt = (n < old) ? FILED.toEpochMilli() : null;
			rows.add(new Object[] { "c-" + n, FILED.toEpochMilli(), completedAt });
		}
		this.jdbc.batchUpdate("INSERT INTO " + this.table + " (" + JdbcLedgerRows.COLUMNS
				+ ") VALUES ('m', ?, 'mch', ?, 1, NULL, NULL, ?, NULL, 0, NULL, 'x', 1)", rows);
		this.clock.set(FILED.plus(Duration.ofDays(8)));
		assertThat(this.ledger.purge(Duration.ofDays(7), Duration.ofDays(30))).isEqualTo(old);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM " + this.table, Integer.class)).isEqualTo(3);
	}

	@Test
	void aComplaintAddedByTwoInstancesAtOnceKeepsBothFacts() throws Exception {
		ComplaintRef ref = ref("a", 1);
		JdbcComplaintLedger other = otherInstance(RULES);
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			CyclicBarrier start = new CyclicBarrier(2);
			List<Callable<ComplaintLedger.Recorded>> facts = List.of(() -> {
				start.await(10, TimeUnit.SECONDS);
				return this.ledger.record(ref, new Filed(FILED));
			}, () -> {
				start.await(10, TimeUnit.SECONDS);
				return other.record(ref, new MerchantReplied(FILED.plus(Duration.ofHours(1))));
			});
			List<ComplaintLedger.Recorded> recorded = new ArrayList<>();
			for (Future<ComplaintLedger.Recorded> result : executor.invokeAll(facts)) {
				recorded.add(result.get());
			}
			assertThat(recorded).filteredOn((each) -> each.before() == null).hasSize(1);
		}
		finally {
			executor.shutdownNow();
		}
		TrackedComplaint complaint = this.ledger.find("a", "20000001").orElseThrow();
		assertThat(complaint.roundStart()).isEqualTo(FILED);
		assertThat(complaint.firstReplyAt()).isEqualTo(FILED.plus(Duration.ofHours(1)));
	}

	@Test
	void aFilingOfANewComplaintTakesOneStatementAndAFactOfAKnownOneTwo() {
		RecordingDataSource recording = new RecordingDataSource(dataSource(), false);
		JdbcComplaintLedger ledger = new JdbcComplaintLedger(new JdbcTemplate(recording.dataSource()), this.table,
				RULES, this.clock, Duration.ofSeconds(5));
		ComplaintRef ref = ref("a", 1);
		assertThat(ledger.record(ref, new Filed(FILED)).before()).isNull();
		assertThat(recording.calls()).containsExactly("INSERT");
		recording.clear();
		assertThat(ledger.record(ref, new MerchantReplied(FILED.plusSeconds(60))).changed()).isTrue();
		assertThat(recording.calls()).containsExactly("SELECT", "UPDATE");
		recording.clear();
		// A filing of a complaint already known: the insert is refused, the row merged.
		assertThat(ledger.record(ref, new Filed(FILED.minusSeconds(60))).after().roundStart())
			.isEqualTo(FILED.minusSeconds(60));
		assertThat(recording.calls()).containsExactly("INSERT", "SELECT", "UPDATE");
		assertThat(this.ledger.find("a", "20000001").orElseThrow().firstReplyAt()).isEqualTo(FILED.plusSeconds(60));
	}

	@Test
	void withAutoCommitOffEveryWriteIsCommittedAndNoReadLeavesATransactionOpen() {
		RecordingDataSource recording = new RecordingDataSource(dataSource(), true);
		JdbcComplaintLedger ledger = new JdbcComplaintLedger(new JdbcTemplate(recording.dataSource()), this.table,
				RULES, this.clock, Duration.ofSeconds(5));
		ComplaintRef ref = ref("a", 1);
		ledger.record(ref, new Filed(FILED));
		assertThat(recording.calls()).containsExactly("INSERT", "commit");
		recording.clear();
		// The other instance (auto-commit on) sees the write: it was committed.
		assertThat(this.ledger.find("a", "20000001")).isPresent();
		assertThat(ledger.find("a", "20000001").orElseThrow().firstReplyAt()).isNull();
		assertThat(recording.calls()).containsExactly("SELECT", "rollback");
		this.ledger.record(ref, new MerchantReplied(FILED.plusSeconds(60)));
		// A fresh read, not a snapshot left open by the read before (MariaDB's default
		// isolation is repeatable read).
		assertThat(ledger.find("a", "20000001").orElseThrow().firstReplyAt()).isEqualTo(FILED.plusSeconds(60));
		recording.clear();
		assertThat(ledger.markPublished(ref, 1, Threshold.RESOLUTION_DUE_SOON)).isTrue();
		assertThat(recording.calls()).containsExactly("SELECT", "UPDATE", "commit");
		recording.clear();
		ledger.record(ref, new Filed(FILED));
		assertThat(recording.calls()).containsExactly("INSERT", "rollback", "SELECT", "rollback");
		assertThat(this.ledger.find("a", "20000001").orElseThrow().published())
			.containsExactly(Threshold.RESOLUTION_DUE_SOON);
	}

	@Test
	void withAutoCommitOffTwoInstancesAddingOneComplaintAtOnceKeepBothFacts() throws Exception {
		for (int complaint = 1; complaint <= 20; complaint++) {
			ComplaintRef ref = ref("a", complaint);
			JdbcComplaintLedger first = new JdbcComplaintLedger(
					new JdbcTemplate(new RecordingDataSource(dataSource(), true).dataSource()), this.table, RULES,
					this.clock, Duration.ofSeconds(5));
			JdbcComplaintLedger second = new JdbcComplaintLedger(
					new JdbcTemplate(new RecordingDataSource(dataSource(), true).dataSource()), this.table, RULES,
					this.clock, Duration.ofSeconds(5));
			ExecutorService executor = Executors.newFixedThreadPool(2);
			try {
				CyclicBarrier start = new CyclicBarrier(2);
				List<Callable<ComplaintLedger.Recorded>> facts = List.of(() -> {
					start.await(10, TimeUnit.SECONDS);
					return first.record(ref, new MerchantReplied(FILED.plus(Duration.ofHours(1))));
				}, () -> {
					start.await(10, TimeUnit.SECONDS);
					return second.record(ref, new Completed(FILED.plus(Duration.ofHours(2))));
				});
				for (Future<ComplaintLedger.Recorded> result : executor.invokeAll(facts)) {
					result.get();
				}
			}
			finally {
				executor.shutdownNow();
			}
			TrackedComplaint tracked = this.ledger.find("a", ref.complaintId()).orElseThrow();
			assertThat(tracked.firstReplyAt()).isEqualTo(FILED.plus(Duration.ofHours(1)));
			assertThat(tracked.completedAt()).isEqualTo(FILED.plus(Duration.ofHours(2)));
		}
	}

}
