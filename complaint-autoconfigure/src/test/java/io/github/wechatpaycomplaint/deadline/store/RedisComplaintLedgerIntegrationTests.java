package io.github.wechatpaycomplaint.deadline.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.github.wechatpaycomplaint.deadline.ComplaintFact;
import io.github.wechatpaycomplaint.deadline.ComplaintLedger;
import io.github.wechatpaycomplaint.deadline.ComplaintLedgerContractTests;
import io.github.wechatpaycomplaint.deadline.ComplaintRef;
import io.github.wechatpaycomplaint.deadline.DeadlineRules;
import io.github.wechatpaycomplaint.deadline.MerchantDeadlineSummaries;
import io.github.wechatpaycomplaint.deadline.MerchantDeadlineSummary;
import io.github.wechatpaycomplaint.deadline.TrackedComplaint;
import io.github.wechatpaycomplaint.notification.NotificationDeduplicationStore;
import io.github.wechatpaycomplaint.notification.store.RedisNotificationDeduplicationStore;
import io.github.wechatpaycomplaint.testsupport.RedisScratch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The ledger contract and the shared-ledger scenarios for the Redis ledger on the Redis
 * server on 127.0.0.1, each test under a key prefix of its own (deleted afterwards), plus
 * what only the Redis layout shows: members that stay apart whatever a merchant name
 * holds, keys under the one hash tag, a purge that leaves no index entry behind, and a
 * compare-and-set that gives up on a storm of conflicts.
 */
@Tag("services")
class RedisComplaintLedgerIntegrationTests extends ComplaintLedgerContractTests implements SharedLedgerScenarios {

	private static final RedisScratch SCRATCH = RedisScratch.hashTagged();

	private final StringRedisTemplate redis = SCRATCH.template();

	private final String prefix = SCRATCH.prefix() + UUID.randomUUID() + ":";

	// Connects (and loads the client) before the first test's 2 s operation timeout.
	@BeforeAll
	static void connect() {
		new RedisComplaintLedger(SCRATCH.template(), SCRATCH.prefix(), DeadlineRules.WECHAT_PAY, Clock.systemUTC(),
				Duration.ofSeconds(30))
			.checkAvailable();
	}

	@AfterEach
	void deleteKeys() {
		SCRATCH.deleteKeys(this.prefix);
	}

	@AfterAll
	static void cleanUp() {
		SCRATCH.close();
	}

	@Override
	protected ComplaintLedger createLedger(DeadlineRules rules, Clock clock) {
		return sharedLedger(rules, clock);
	}

	@Override
	public ComplaintLedger sharedLedger(DeadlineRules rules, Clock clock) {
		return new RedisComplaintLedger(this.redis, this.prefix, rules, clock, Duration.ofSeconds(2));
	}

	@Override
	public int realign(ComplaintLedger ledger) {
		return ((RedisComplaintLedger) ledger).realign();
	}

	@Override
	public NotificationDeduplicationStore lockStore() {
		return new RedisNotificationDeduplicationStore(this.redis, this.prefix + "dedup:");
	}

	@Test
	void isSharedAndShowsNoComplaintInToString() {
		this.ledger.record(ref("a", 1), new ComplaintFact.Filed(FILED));
		assertThat(this.ledger.isShared()).isTrue();
		assertThat(this.ledger)
			.hasToString("RedisComplaintLedger[keyPrefix=" + this.prefix + ", operationTimeout=PT2S]");
	}

	@Test
	void merchantNamesWithAnyCharactersStayApartAndSortByNameThenId() {
		// Pairs whose plain concatenations, or length-less encodings, would collide.
		List<ComplaintRef> refs = List.of(new ComplaintRef("ab", "m", "1"), new ComplaintRef("a", "m", "b1"),
				new ComplaintRef("a\u0000", "m", "1"), new ComplaintRef("a", "m", "\u00001"),
				new ComplaintRef("a\u0000\u0000", "m", "1"), new ComplaintRef("a", "m", "\u0000\u00001"),
				new ComplaintRef("a:1", "m", "2"), new ComplaintRef("a", "m", "1:2"), new ComplaintRef("", "m", "a1"),
				new ComplaintRef("{tag}", "m", "1"), new ComplaintRef("商户", "m", "1"));
		for (ComplaintRef ref : refs) {
			this.ledger.record(ref, new ComplaintFact.Filed(FILED));
		}
		for (ComplaintRef ref : refs) {
			assertThat(this.ledger.find(ref.merchantName(), ref.complaintId())).get()
				.extracting(TrackedComplaint::ref)
				.isEqualTo(ref);
		}
		List<ComplaintRef> sorted = new ArrayList<>(refs);
		sorted.sort(Comparator.comparing(ComplaintRef::merchantName).thenComparing(ComplaintRef::complaintId));
		assertThat(this.ledger.dueForCheck(FILED.plus(Duration.ofDays(1)), 100)).extracting(TrackedComplaint::ref)
			.containsExactlyElementsOf(sorted);
		assertThat(this.ledger.open()).hasSize(refs.size());
	}

	@Test
	void everyKeyIsUnderThePrefixAndAPurgeLeavesNoIndexEntryBehind() {
		this.ledger.record(ref("a", 1), new ComplaintFact.Filed(FILED));
		this.ledger.record(ref("a", 1), new ComplaintFact.Completed(FILED.plus(Duration.ofHours(1))));
		this.ledger.record(ref("b", 2), new ComplaintFact.Filed(FILED));
		assertThat(keyNames()).containsExactlyInAnyOrder("due", "learned", "completed", "open",
				"c:" + RedisComplaintLedger.member("a", "20000001"),
				"c:" + RedisComplaintLedger.member("b", "20000002"));
		this.clock.set(FILED.plus(Duration.ofDays(31)));
		assertThat(this.ledger.purge(Duration.ofDays(7), Duration.ofDays(30))).isEqualTo(2);
		assertThat(keyNames()).isEmpty();
	}

	@Test
	void aPurgeOfMoreThanOneBatchForgetsEveryExpiredComplaint() {
		for (int n = 0; n < RedisComplaintLedger.BATCH + 5; n++) {
			this.ledger.record(ref("a", n), new ComplaintFact.Filed(FILED));
		}
		this.clock.set(FILED.plus(Duration.ofDays(31)));
		assertThat(this.ledger.purge(Duration.ofDays(7), Duration.ofDays(30)))
			.isEqualTo(RedisComplaintLedger.BATCH + 5);
		assertThat(keyNames()).isEmpty();
	}

	@Test
	void openReadsEveryPageOfOpenComplaints() {
		for (int n = 0; n < RedisComplaintLedger.BATCH + 5; n++) {
			this.ledger.record(ref("a", n), new ComplaintFact.Filed(FILED));
		}
		this.ledger.record(ref("b", 1), new ComplaintFact.Observed(FILED,
				io.github.wechatpaycomplaint.model.ComplaintState.PROCESSED, FILED.plusSeconds(5)));
		this.ledger.record(ref("c", 1), new ComplaintFact.MerchantReplied(FILED));
		assertThat(this.ledger.open()).hasSize(RedisComplaintLedger.BATCH + 5)
			.allSatisfy((complaint) -> assertThat(complaint.ref().merchantName()).isEqualTo("a"));
	}

	@Test
	void summariesAndTheMostUrgentCoverMerchantsWhoseComplaintsSpanSeveralPages() {
		// Merchant names interleave, so that each page holds part of each merchant.
		for (int n = 0; n < 2 * RedisComplaintLedger.BATCH + 7; n++) {
			ComplaintRef ref = ref("m" + (n % 3), n);
			this.ledger.record(ref, new ComplaintFact.Filed(FILED.plus(Duration.ofMinutes(n))));
			if (n % 4 == 0) {
				this.ledger.record(ref, new ComplaintFact.MerchantReplied(FILED.plus(Duration.ofMinutes(n + 5))));
			}
			if (n % 10 == 9) {
				this.ledger.record(ref, new ComplaintFact.Completed(FILED.plus(Duration.ofMinutes(n + 9))));
			}
		}
		Instant now = FILED.plus(Duration.ofHours(40));
		MerchantDeadlineSummaries fromOpen = new MerchantDeadlineSummaries(now, RULES);
		this.ledger.open().forEach(fromOpen::add);
		Map<String, MerchantDeadlineSummary> summaries = this.ledger.summaries(now, RULES);
		assertThat(summaries).isEqualTo(fromOpen.summaries()).containsOnlyKeys("m0", "m1", "m2");
		assertThat(summaries.values().stream().mapToInt(MerchantDeadlineSummary::open).sum())
			.isEqualTo(2 * RedisComplaintLedger.BATCH + 7 - (2 * RedisComplaintLedger.BATCH + 7) / 10);
		assertThat(summaries.values())
			.allSatisfy((summary) -> assertThat(summary.overdue()).isPositive().isLessThan(summary.open()));
	}

	@Test
	void aStormOfConflictingWritersEndsInAClearFailure() {
		this.ledger.record(ref("a", 1), new ComplaintFact.Filed(FILED));
		StringRedisTemplate contended = new StringRedisTemplate(SCRATCH.connectionFactory()) {

			// Another writer changes the complaint between every read and write.
			@Override
			public <T> T execute(RedisScript<T> script, List<String> keys, Object... args) {
				if (script == RedisLedgerScripts.WRITE) {
					RedisComplaintLedgerIntegrationTests.this.redis.opsForHash().increment(keys.get(0), "version", 1);
				}
				return super.execute(script, keys, args);
			}

		};
		ComplaintLedger ledger = new RedisComplaintLedger(contended, this.prefix, RULES, this.clock,
				Duration.ofSeconds(10));
		assertThatIllegalStateException()
			.isThrownBy(() -> ledger.record(ref("a", 1), new ComplaintFact.MerchantReplied(FILED.plusSeconds(60))))
			.withMessageContaining("gave up")
			.withMessageContaining(RedisComplaintLedger.MAX_ATTEMPTS + " writes lost to other writers");
		assertThat(this.ledger.find("a", "20000001").orElseThrow().firstReplyAt()).isNull();
	}

	private Set<String> keyNames() {
		return this.redis.keys(this.prefix + "*")
			.stream()
			.map((key) -> key.substring(this.prefix.length()))
			.collect(Collectors.toSet());
	}

}
