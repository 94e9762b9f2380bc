package io.github.wechatpaycomplaint.deadline.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import io.github.wechatpaycomplaint.deadline.ComplaintFact;
import io.github.wechatpaycomplaint.deadline.ComplaintLedger;
import io.github.wechatpaycomplaint.deadline.ComplaintRef;
import io.github.wechatpaycomplaint.deadline.DeadlineRules;
import io.github.wechatpaycomplaint.deadline.MerchantDeadlineSummaries;
import io.github.wechatpaycomplaint.deadline.MerchantDeadlineSummary;
import io.github.wechatpaycomplaint.deadline.Threshold;
import io.github.wechatpaycomplaint.deadline.TrackedComplaint;
import io.github.wechatpaycomplaint.notification.store.RedisDurabilityRisks;
import io.github.wechatpaycomplaint.notification.store.StoreOperationDeadline;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A {@link ComplaintLedger} in Redis, shared by every instance: a hash per complaint and
 * sorted sets by next check, learned time and completion time, plus the set of open
 * complaints ({@link RedisLedgerScripts}). Facts are merged in Java: a change reads the
 * complaint, merges, and writes it back with its indexes in one script that checks the
 * complaint's version first (a compare-and-set), retrying a few times when another
 * instance wrote in between. {@link #markPublished} is the same compare-and-set, so each
 * threshold is marked by exactly one caller across every instance.
 *
 * <p>
 * Every key starts with the prefix, which should hold a hash tag (the default
 * {@value #DEFAULT_KEY_PREFIX} does) so that a script's keys share one slot on Redis
 * Cluster. Every operation is bounded by the operation timeout whatever the connection's
 * command timeout ({@link StoreOperationDeadline}); times come from the application's
 * clock, not the server's.
 *
 * <p>
 * Each complaint keeps a fingerprint of the rules its next check was computed with;
 * {@link #realign()} recomputes the complaints written under other rules.
 *
 * @since 0.1.0
 */
public final class RedisComplaintLedger implements ComplaintLedger {

	private static final RedisDurabilityRisks DURABILITY_RISKS = new RedisDurabilityRisks("the complaints",
			"complaints and their deadline indexes");

	/** The default key prefix, a hash tag of its own. */
	public static final String DEFAULT_KEY_PREFIX = "{wechatpay:complaint:ledger}:";

	/** The most complaints one page or purge script reads or deletes. */
	static final int BATCH = 1000;

	/**
	 * The least time taking back a late mark may wait for Redis: off the caller's thread,
	 * and long enough for a failover's write pause to end.
	 */
	static final Duration UNDO_TIMEOUT = Duration.ofSeconds(10);

	/** Writes of one change before it gives up on concurrent writers. */
	static final int MAX_ATTEMPTS = 16;

	private static final Log logger = LogFactory.getLog(RedisComplaintLedger.class);

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	private final DeadlineRules rules;

	private final String rulesFingerprint;

	private final Clock clock;

	private final StoreOperationDeadline deadline;

	private final StoreOperationDeadline undoDeadline;

	private final List<String> indexKeys;

	/**
	 * Creates a ledger.
	 * @param redis the template
	 * @param keyPrefix the prefix of every key, with a hash tag for Redis Cluster
	 * @param rules the rules that give each complaint its next check time
	 * @param clock the clock that stamps when a complaint was learned and what purging
	 * keeps
	 * @param operationTimeout the longest time a caller waits for one operation
	 */
	public RedisComplaintLedger(StringRedisTemplate redis, String keyPrefix, DeadlineRules rules, Clock clock,
			Duration operationTimeout) {
		this.redis = Objects.requireNonNull(redis, "redis");
		this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
		this.rules = Objects.requireNonNull(rules, "rules");
		this.rulesFingerprint = LedgerRulesFingerprint.of(rules);
		this.clock = Objects.requireNonNull(clock, "clock");
		this.deadline = new StoreOperationDeadline("redis-ledger", "Redis complaint ledger", operationTimeout);
		this.undoDeadline = new StoreOperationDeadline("redis-ledger-undo",
				"Redis complaint ledger (taking back a late mark)", max(operationTimeout, UNDO_TIMEOUT));
		this.indexKeys = RedisLedgerScripts.INDEX_NAMES.stream().map((name) -> keyPrefix + name).toList();
	}

	/**
	 * A filing is most often the first the ledger hears of a complaint, so it is written
	 * at once as a new complaint (one round trip); any other fact, or a filing of a
	 * complaint already known, reads the complaint and writes it back merged (two).
	 */
	@Override
	public Recorded record(ComplaintRef ref, ComplaintFact fact) {
		Objects.requireNonNull(fact, "fact");
		Change change = this.deadline.call(() -> {
			if (fact instanceof ComplaintFact.Filed) {
				TrackedComplaint added = TrackedComplaint.learned(ref, this.clock.instant()).merge(fact);
				if (write(member(ref.merchantName(), ref.complaintId()), added, 0, Map.of())) {
					return new Change(null, added, true);
				}
			}
			return change(ref.merchantName(), ref.complaintId(), ref, (complaint) -> complaint.merge(fact), Map.of());
		}, null);
		return new Recorded(change.before(), Objects.requireNonNull(change.after()));
	}

	@Override
	public Optional<TrackedComplaint> find(String merchantName, String complaintId) {
		return this.deadline.call(() -> Optional.ofNullable(read(member(merchantName, complaintId))), null)
			.map(Stored::complaint);
	}

	@Override
	public List<TrackedComplaint> dueForCheck(Instant now, int limit) {
		List<?> answer = this.deadline.call(() -> script(RedisLedgerScripts.DUE, List.of(this.indexKeys.get(0)),
				this.keyPrefix, Long.toString(now.toEpochMilli()), Integer.toString(limit)), null);
		List<TrackedComplaint> due = new ArrayList<>(answer.size());
		for (Object fields : answer) {
			due.add(Objects.requireNonNull(parse(fields((List<?>) fields))).complaint());
		}
		return due;
	}

	/**
	 * Marks with a compare-and-set. A mark that lands after its caller gave up (Redis
	 * answered too late) is taken back, so that the next scan publishes the threshold
	 * instead of nobody: each mark writes a token of its own next to the threshold, and
	 * only a mark still holding that token is taken back.
	 */
	@Override
	public boolean markPublished(ComplaintRef ref, int round, Threshold threshold) {
		String token = newToken();
		Map<String, String> mark = Map.of(markField(threshold), token);
		Change change = this.deadline
			.callOrUndo(() -> change(ref.merchantName(), ref.complaintId(), null, (current) -> {
				boolean markable = current.round() == round && !current.published().contains(threshold)
						&& current.isClockRunning(threshold);
				return markable ? current.withPublished(threshold) : current;
			}, mark), () -> this.undoDeadline.call(() -> unmark(ref, round, threshold, token), null));
		return change.before() != null && change.after() != null && !change.after().equals(change.before());
	}

	private boolean unmark(ComplaintRef ref, int round, Threshold threshold, String token) {
		String member = member(ref.merchantName(), ref.complaintId());
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			Stored stored = read(member);
			if (stored == null || !token.equals(stored.fields().get(markField(threshold)))
					|| stored.complaint().round() != round || !stored.complaint().published().contains(threshold)) {
				return false;
			}
			if (write(member, withoutPublished(stored.complaint(), threshold), stored.version(), Map.of())) {
				logger.warn("Took back the " + threshold + " mark of complaint " + ref.complaintId() + " of merchant "
						+ ref.merchantName() + ", written after its watcher gave up; the next scan publishes it");
				return true;
			}
		}
		return false;
	}

	private static TrackedComplaint withoutPublished(TrackedComplaint complaint, Threshold threshold) {
		Set<Threshold> published = EnumSet.noneOf(Threshold.class);
		published.addAll(complaint.published());
		published.remove(threshold);
		return new TrackedComplaint(complaint.ref(), complaint.learnedAt(), complaint.round(), complaint.roundStart(),
				complaint.firstReplyAt(), complaint.completedAt(), complaint.platformServiceRequestedAt(), published);
	}

	private static Duration max(Duration one, Duration other) {
		return (one.compareTo(other) >= 0) ? one : other;
	}

	private static String markField(Threshold threshold) {
		return "mark_" + threshold.name();
	}

	private static String newToken() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return new UUID(random.nextLong(), random.nextLong()).toString();
	}

	@Override
	public List<TrackedComplaint> open() {
		List<TrackedComplaint> open = new ArrayList<>();
		pages((page) -> page.forEach((stored) -> open.add(stored.complaint())));
		return open;
	}

	/**
	 * Adds the summaries up page by page of at most {@value #BATCH} open complaints, each
	 * page one short script within the operation timeout that reads three fields of each
	 * complaint and answers counts per merchant, not the complaints.
	 */
	@Override
	public Map<String, MerchantDeadlineSummary> summaries(Instant now, DeadlineRules rules) {
		MerchantDeadlineSummaries summaries = new MerchantDeadlineSummaries(now, rules);
		String firstReplyBy = Long.toString(summaries.firstReplyOverdueAtOrBefore());
		String resolutionBy = Long.toString(summaries.resolutionOverdueAtOrBefore());
		String after = "";
		while (true) {
			String from = after;
			List<?> answer = this.deadline
				.call(() -> script(RedisLedgerScripts.SUMMARY_PAGE, List.of(this.indexKeys.get(3)), this.keyPrefix,
						from, Integer.toString(BATCH), firstReplyBy, resolutionBy), null);
			after = String.valueOf(answer.get(0));
			for (int i = 2; i + 4 < answer.size(); i += 5) {
				String oldest = String.valueOf(answer.get(i + 4));
				summaries.addCounts(String.valueOf(answer.get(i)), number(answer.get(i + 1)), number(answer.get(i + 2)),
						number(answer.get(i + 3)),
						oldest.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(oldest)));
			}
			if (number(answer.get(1)) < BATCH) {
				return summaries.summaries();
			}
		}
	}

	/**
	 * Picks the most urgent page by page ({@value #BATCH} open complaints each, one short
	 * script reading two fields of each and answering the page's most urgent members),
	 * then reads those complaints whole. The deadlines are compared cut to the
	 * millisecond, which never leaves out one of the true first {@code limit}; the exact
	 * order is computed here.
	 */
	@Override
	public List<TrackedComplaint> mostUrgent(DeadlineRules rules, int limit) {
		if (limit < 0) {
			throw new IllegalArgumentException("limit must not be negative");
		}
		if (limit == 0) {
			return List.of();
		}
		String firstReply = Long.toString(rules.firstReply().toMillis());
		String resolution = Long.toString(rules.resolution().toMillis());
		List<Candidate> candidates = new ArrayList<>();
		String after = "";
		while (true) {
			String from = after;
			List<?> answer = this.deadline
				.call(() -> script(RedisLedgerScripts.URGENT_PAGE, List.of(this.indexKeys.get(3)), this.keyPrefix, from,
						Integer.toString(BATCH), firstReply, resolution, Integer.toString(limit)), null);
			after = String.valueOf(answer.get(0));
			for (int i = 2; i + 1 < answer.size(); i += 2) {
				candidates.add(new Candidate(String.valueOf(answer.get(i)),
						Long.parseLong(String.valueOf(answer.get(i + 1)))));
			}
			if (number(answer.get(1)) < BATCH) {
				break;
			}
		}
		candidates.sort(Comparator.comparingLong(Candidate::dueAt));
		if (candidates.size() > limit) {
			long last = candidates.get(limit - 1).dueAt();
			candidates.removeIf((candidate) -> candidate.dueAt() > last);
		}
		List<TrackedComplaint> complaints = this.deadline.call(() -> {
			List<TrackedComplaint> found = new ArrayList<>(candidates.size());
			for (Candidate candidate : candidates) {
				Stored stored = read(candidate.member());
				// Completed since its page was read: no longer urgent.
				if (stored != null && stored.complaint().isOpen() && stored.complaint().roundStart() != null) {
					found.add(stored.complaint());
				}
			}
			return found;
		}, null);
		return complaints.stream().sorted(TrackedComplaint.byUrgency(rules)).limit(limit).toList();
	}

	private static int number(Object reply) {
		return Integer.parseInt(String.valueOf(reply));
	}

	/**
	 * Forgets complaints in batches of at most {@value #BATCH}, each script short and
	 * within the operation timeout.
	 */
	@Override
	public int purge(Duration completedRetention, Duration maxAge) {
		Instant now = this.clock.instant();
		return purgeBy("completed", now.minus(completedRetention)) + purgeBy("learned", now.minus(maxAge));
	}

	private int purgeBy(String index, Instant before) {
		List<String> keys = new ArrayList<>();
		keys.add(this.keyPrefix + index);
		keys.addAll(this.indexKeys);
		String beforeMillis = Long.toString(before.toEpochMilli());
		int total = 0;
		long purged;
		do {
			purged = this.deadline.call(
					() -> script(RedisLedgerScripts.PURGE, keys, this.keyPrefix, beforeMillis, Integer.toString(BATCH)),
					null);
			total += (int) purged;
		}
		while (purged == BATCH);
		return total;
	}

	/**
	 * Recomputes the next check of the open complaints written under other rules (an
	 * earlier deployment's), in pages of at most {@value #BATCH}, each within the
	 * operation timeout.
	 * @return how many complaints were rewritten
	 */
	public int realign() {
		int[] realigned = new int[1];
		pages((page) -> {
			for (Stored stored : page) {
				if (!stored.rules().equals(this.rulesFingerprint)) {
					ComplaintRef ref = stored.complaint().ref();
					String member = member(ref.merchantName(), ref.complaintId());
					// Written under the version the page read, else read again.
					boolean written = this.deadline.call(() -> write(member, stored.complaint(), stored.version(),
							Map.of())
							|| change(ref.merchantName(), ref.complaintId(), null, UnaryOperator.identity(), Map.of())
								.written(),
							null);
					realigned[0] += written ? 1 : 0;
				}
			}
		});
		return realigned[0];
	}

	/**
	 * Reads how Redis persists and evicts within the operation timeout, and says what can
	 * lose complaints (a lost complaint's deadlines are not watched until reconciliation
	 * lists it again).
	 * @return one sentence per risk, empty when none is seen
	 * @throws RuntimeException when Redis cannot be read (down, or {@code INFO} refused)
	 */
	public List<String> durabilityRisks() {
		return DURABILITY_RISKS.read(this.redis, this.deadline);
	}

	@Override
	public boolean isShared() {
		return true;
	}

	/**
	 * Sends a PING within the operation timeout.
	 * @throws org.springframework.dao.DataAccessException when Redis cannot be reached
	 * @throws io.github.wechatpaycomplaint.notification.store.DeduplicationStoreUnavailableException
	 * when it does not answer in time
	 */
	public void checkAvailable() {
		this.deadline.call(() -> this.redis.execute((RedisCallback<String>) (connection) -> connection.ping()), null);
	}

	// Reads, changes and writes back under the version read, until no other writer came
	// in between; a new complaint is added only when newRef is given.
	private Change change(String merchantName, String complaintId, @Nullable ComplaintRef newRef,
			UnaryOperator<TrackedComplaint> update, Map<String, String> extraFields) throws InterruptedException {
		String member = member(merchantName, complaintId);
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			Stored stored = read(member);
			if (stored == null && newRef == null) {
				return new Change(null, null, false);
			}
			TrackedComplaint before = (stored != null) ? stored.complaint() : null;
			TrackedComplaint base = (before != null) ? before
					: TrackedComplaint.learned(Objects.requireNonNull(newRef), this.clock.instant());
			TrackedComplaint after = update.apply(base);
			if (stored != null && after.equals(before) && stored.rules().equals(this.rulesFingerprint)) {
				return new Change(before, after, false);
			}
			if (write(member, after, (stored != null) ? stored.version() : 0, extraFields)) {
				return new Change(before, after, true);
			}
			// Another instance wrote in between: spread the retries of many writers.
			Thread.sleep(ThreadLocalRandom.current().nextInt(attempt));
		}
		throw new IllegalStateException("The Redis complaint ledger gave up changing complaint " + complaintId
				+ " of merchant " + merchantName + " after " + MAX_ATTEMPTS + " writes lost to other writers");
	}

	private @Nullable Stored read(String member) {
		Map<String, String> fields = this.redis.<String, String>opsForHash().entries(complaintKey(member));
		return parse(fields);
	}

	private boolean write(String member, TrackedComplaint complaint, long expectedVersion,
			Map<String, String> extraFields) {
		Instant nextCheck = complaint.nextCheckAt(this.rules);
		Map<String, @Nullable String> fields = new HashMap<>();
		fields.put("merchant_name", complaint.ref().merchantName());
		fields.put("merchant_id", complaint.ref().merchantId());
		fields.put("complaint_id", complaint.ref().complaintId());
		fields.put("learned_at", millis(complaint.learnedAt()));
		fields.put("round", Integer.toString(complaint.round()));
		fields.put("round_start", millis(complaint.roundStart()));
		fields.put("first_reply_at", millis(complaint.firstReplyAt()));
		fields.put("completed_at", millis(complaint.completedAt()));
		fields.put("platform_service_requested_at", millis(complaint.platformServiceRequestedAt()));
		fields.put("published", Integer.toString(bitmask(complaint.published())));
		fields.put("next_check_at", millis(nextCheck));
		fields.put("rules", this.rulesFingerprint);
		fields.putAll(extraFields);
		List<String> deletes = new ArrayList<>();
		List<String> sets = new ArrayList<>();
		fields.forEach((field, value) -> {
			if (value == null) {
				deletes.add(field);
			}
			else {
				sets.add(field);
				sets.add(value);
			}
		});
		boolean open = complaint.isOpen() && complaint.roundStart() != null;
		List<String> arguments = new ArrayList<>(
				List.of(member, Long.toString(expectedVersion), orEmpty(nextCheck), orEmpty(complaint.completedAt()),
						millis(complaint.learnedAt()), open ? "1" : "0", Integer.toString(deletes.size())));
		arguments.addAll(deletes);
		arguments.addAll(sets);
		List<String> keys = new ArrayList<>();
		keys.add(complaintKey(member));
		keys.addAll(this.indexKeys);
		return this.redis.execute(RedisLedgerScripts.WRITE, keys, arguments.toArray()) == 1L;
	}

	// Every open complaint, page by page in member order; a complaint changed meanwhile
	// is neither skipped nor read twice.
	private void pages(Consumer<List<Stored>> consumer) {
		String after = "";
		while (true) {
			String from = after;
			List<?> answer = this.deadline.call(() -> script(RedisLedgerScripts.OPEN_PAGE,
					List.of(this.indexKeys.get(3)), this.keyPrefix, from, Integer.toString(BATCH)), null);
			List<Stored> page = new ArrayList<>(answer.size());
			for (Object element : answer) {
				List<?> pair = (List<?>) element;
				after = String.valueOf(pair.get(0));
				Stored stored = parse(fields((List<?>) pair.get(1)));
				if (stored != null) {
					page.add(stored);
				}
			}
			consumer.accept(page);
			if (answer.size() < BATCH) {
				return;
			}
		}
	}

	private <T> T script(RedisScript<T> script, List<String> keys, Object... arguments) {
		return Objects.requireNonNull(this.redis.execute(script, keys, arguments));
	}

	private String complaintKey(String member) {
		return this.keyPrefix + "c:" + member;
	}

	/**
	 * The member of a complaint in the indexes: merchant name and complaint id with their
	 * NULs escaped, joined by two NULs (see {@link RedisLedgerScripts}).
	 * @param merchantName the merchant's entry name
	 * @param complaintId the complaint id
	 * @return the member
	 */
	static String member(String merchantName, String complaintId) {
		return escapeNul(merchantName) + "\u0000\u0000" + escapeNul(complaintId);
	}

	private static String escapeNul(String text) {
		return text.replace("\u0000", "\u0000\u0001");
	}

	private static Map<String, String> fields(List<?> flat) {
		Map<String, String> fields = new HashMap<>();
		for (int i = 0; i + 1 < flat.size(); i += 2) {
			fields.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
		}
		return fields;
	}

	private static @Nullable Stored parse(Map<String, String> fields) {
		String version = fields.get("version");
		if (version == null) {
			return null;
		}
		ComplaintRef ref = new ComplaintRef(fields.get("merchant_name"), fields.get("merchant_id"),
				fields.get("complaint_id"));
		TrackedComplaint complaint = new TrackedComplaint(ref,
				Objects.requireNonNull(instant(fields.get("learned_at"))), Integer.parseInt(fields.get("round")),
				instant(fields.get("round_start")), instant(fields.get("first_reply_at")),
				instant(fields.get("completed_at")), instant(fields.get("platform_service_requested_at")),
				thresholds(Integer.parseInt(fields.get("published"))));
		return new Stored(complaint, Long.parseLong(version), fields.getOrDefault("rules", ""), fields);
	}

	private static int bitmask(Set<Threshold> thresholds) {
		int bits = 0;
		for (Threshold threshold : thresholds) {
			bits |= 1 << threshold.ordinal();
		}
		return bits;
	}

	private static Set<Threshold> thresholds(int bitmask) {
		Set<Threshold> thresholds = EnumSet.noneOf(Threshold.class);
		for (Threshold threshold : Threshold.values()) {
			if ((bitmask & (1 << threshold.ordinal())) != 0) {
				thresholds.add(threshold);
			}
		}
		return thresholds;
	}

	private static @Nullable String millis(@Nullable Instant instant) {
		return (instant != null) ? Long.toString(instant.toEpochMilli()) : null;
	}

	private static String orEmpty(@Nullable Instant instant) {
		return (instant != null) ? Long.toString(instant.toEpochMilli()) : "";
	}

	private static @Nullable Instant instant(@Nullable String millis) {
		return (millis != null) ? Instant.ofEpochMilli(Long.parseLong(millis)) : null;
	}

	@Override
	public String toString() {
		return "RedisComplaintLedger[keyPrefix=" + this.keyPrefix + ", operationTimeout=" + this.deadline.timeout()
				+ "]";
	}

	/**
	 * A complaint as stored, with the version and rules it was written under, and every
	 * field of its hash.
	 */
	private record Stored(TrackedComplaint complaint, long version, String rules, Map<String, String> fields) {

	}

	/** An open complaint a page named among its most urgent. */
	private record Candidate(String member, long dueAt) {

	}

	/** What a change found and left; both absent for an unknown complaint. */
	private record Change(@Nullable TrackedComplaint before, @Nullable TrackedComplaint after, boolean written) {

	}

}
