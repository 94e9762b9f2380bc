package io.github.wechatpaycomplaint.deadline;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The latest {@link DeadlineSnapshot}, shared by the gauges and the health so that
 * neither reads the ledger when asked: {@link #refresh()} takes a new one after each
 * deadline scan, {@link #get()} returns the last one taken. The first {@link #get()}
 * (before any scan) takes one; until then, {@link #refresh()} takes none, so that an
 * application that shows neither pays nothing.
 *
 * @since 0.1.0
 */
public final class LatestDeadlineSnapshot {

	private final ComplaintDeadlines deadlines;

	private final int listedOverdue;

	private final Object lock = new Object();

	private volatile @Nullable DeadlineSnapshot latest;

	/**
	 * Creates the holder; no snapshot is taken yet.
	 * @param deadlines the deadlines
	 * @param listedOverdue how many of the most overdue complaints each snapshot lists
	 */
	public LatestDeadlineSnapshot(ComplaintDeadlines deadlines, int listedOverdue) {
		this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
		if (listedOverdue < 0) {
			throw new IllegalArgumentException("listedOverdue must not be negative");
		}
		this.listedOverdue = listedOverdue;
	}

	/**
	 * The last snapshot taken, or a new one when none was taken yet.
	 * @return the snapshot
	 */
	public DeadlineSnapshot get() {
		DeadlineSnapshot snapshot = this.latest;
		if (snapshot != null) {
			return snapshot;
		}
		synchronized (this.lock) {
			if (this.latest == null) {
				this.latest = this.deadlines.snapshot(this.listedOverdue);
			}
			return Objects.requireNonNull(this.latest);
		}
	}

	/**
	 * Takes a new snapshot if anyone has read one; run after each deadline scan. Readers
	 * keep the previous snapshot meanwhile, and keep it when taking the new one fails.
	 */
	public void refresh() {
		synchronized (this.lock) {
			if (this.latest != null) {
				this.latest = this.deadlines.snapshot(this.listedOverdue);
			}
		}
	}

	@Override
	public String toString() {
		DeadlineSnapshot snapshot = this.latest;
		return "LatestDeadlineSnapshot[takenAt=" + ((snapshot != null) ? snapshot.takenAt() : "none") + "]";
	}

}
