package io.github.wechatpaycomplaint.reconciliation;

/**
 * What one reconciliation run did.
 *
 * @param ran whether this instance ran it ({@code false} when another instance held the
 * lock)
 * @param listed complaints listed
 * @param published events published for states not reported before
 * @param failed complaints whose listeners failed (they are tried again on the next run)
 * @since 0.1.0
 */
public record ReconciliationResult(boolean ran, int listed, int published, int failed) {

	static ReconciliationResult skipped() {
		return new ReconciliationResult(false, 0, 0, 0);
	}

}
