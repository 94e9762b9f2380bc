package io.github.wechatpaycomplaint.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;

import org.jspecify.annotations.Nullable;

/**
 * A {@link ComplaintLedger} in this instance's memory: a map of complaints and an index
 * by next check time, so that a scan reads only the complaints due. Lost on restart (the
 * next reconciliation run adds the open complaints again) and not shared between
 * instances.
 *
 * @since 0.1.0
 */
public final class MemoryComplaintLedger implements ComplaintLedger {

	private final ConcurrentMap<Key, TrackedComplaint> complaints = new ConcurrentHashMap<>();

	private final ConcurrentSkipListSet<Due> dueIndex = new ConcurrentSkipListSet<>();

	private final DeadlineRules rules;

	private final Clock clock;

	/**
	 * Creates an empty ledger.
	 * @param rules the rules that give each complaint its next check time
	 * @param clock the clock that stamps when a complaint was learned and what purging
	 * keeps
	 */
	public MemoryComplaintLedger(DeadlineRules rules, Clock clock) {
		this.rules = Objects.requireNonNull(rules, "rules");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	@Override
	public Recorded record(ComplaintRef ref, ComplaintFact fact) {
		Objects.requireNonNull(fact, "fact");
		TrackedComplaint[] before = new TrackedComplaint[1];
		TrackedComplaint after = this.complaints.compute(Key.of(ref), (key, current) -> {
			before[0] = current;
			TrackedComplaint base = (current != null) ? current : TrackedComplaint.learned(ref, this.clock.instant());
			TrackedComplaint merged = base.merge(fact);
			reindex(current, merged);
			return merged;
		});
		return new Recorded(before[0], after);
	}

	@Override
	public Optional<TrackedComplaint> find(String merchantName, String complaintId) {
		return Optional.ofNullable(this.complaints.get(new Key(merchantName, complaintId)));
	}

	@Override
	public List<TrackedComplaint> dueForCheck(Instant now, int limit) {
		List<TrackedComplaint> due = new ArrayList<>(Math.min(limit, 64));
		for (Due entry : this.dueIndex) {
			if (due.size() >= limit || entry.at().isAfter(now)) {
				break;
			}
			TrackedComplaint complaint = this.complaints.get(Key.of(entry.ref()));
			if (complaint != null) {
				due.add(complaint);
			}
		}
		return due;
	}

	@Override
	public boolean markPublished(ComplaintRef ref, int round, Threshold threshold) {
		boolean[] marked = new boolean[1];
		this.complaints.computeIfPresent(Key.of(ref), (key, current) -> {
			if (current.round() != round || current.published().contains(threshold)
					|| !current.isClockRunning(threshold)) {
				return current;
			}
			TrackedComplaint updated = current.withPublished(threshold);
			reindex(current, updated);
			marked[0] = true;
			return updated;
		});
		return marked[0];
	}

	@Override
	public List<TrackedComplaint> open() {
		List<TrackedComplaint> open = new ArrayList<>();
		for (TrackedComplaint complaint : this.complaints.values()) {
			if (complaint.isOpen() && complaint.roundStart() != null) {
				open.add(complaint);
			}
		}
		return open;
	}

	@Override
	public int purge(Duration completedRetention, Duration maxAge) {
		Instant now = this.clock.instant();
		Instant completedBefore = now.minus(completedRetention);
		Instant learnedBefore = now.minus(maxAge);
		int[] purged = new int[1];
		for (Key key : this.complaints.keySet()) {
			this.complaints.computeIfPresent(key, (k, complaint) -> {
				Instant completedAt = complaint.completedAt();
				boolean expired = (completedAt != null && completedAt.isBefore(completedBefore))
						|| complaint.learnedAt().isBefore(learnedBefore);
				if (!expired) {
					return complaint;
				}
				reindex(complaint, null);
				purged[0]++;
				return null;
			});
		}
		return purged[0];
	}

	/**
	 * How many complaints the ledger holds.
	 * @return the count
	 */
	public int size() {
		return this.complaints.size();
	}

	// Called inside compute, so the index follows the map for each complaint.
	private void reindex(@Nullable TrackedComplaint previous, @Nullable TrackedComplaint next) {
		Instant previousAt = (previous != null) ? previous.nextCheckAt(this.rules) : null;
		Instant nextAt = (next != null) ? next.nextCheckAt(this.rules) : null;
		if (previous != null && Objects.equals(previousAt, nextAt)) {
			// Already indexed where it stays: a fact that left the next check alone.
			return;
		}
		if (previous != null && previousAt != null) {
			this.dueIndex.remove(new Due(previousAt, previous.ref()));
		}
		if (next != null && nextAt != null) {
			this.dueIndex.add(new Due(nextAt, next.ref()));
		}
	}

	@Override
	public String toString() {
		return "MemoryComplaintLedger[complaints=" + this.complaints.size() + "]";
	}

	private record Key(String merchantName, String complaintId) {

		static Key of(ComplaintRef ref) {
			return new Key(ref.merchantName(), ref.complaintId());
		}

	}

	// Ordered by time, then merchant and complaint: written out rather than composed from
	// comparators, since every index change compares about log2(n) of them.
	private record Due(Instant at, ComplaintRef ref) implements Comparable<Due> {

		@Override
		public int compareTo(Due other) {
			int order = this.at.compareTo(other.at);
			if (order == 0) {
				order = this.ref.merchantName().compareTo(other.ref.merchantName());
			}
			return (order != 0) ? order : this.ref.complaintId().compareTo(other.ref.complaintId());
		}

	}

}
