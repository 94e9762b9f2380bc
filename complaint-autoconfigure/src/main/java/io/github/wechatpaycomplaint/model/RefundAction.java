package io.github.wechatpaycomplaint.model;

import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Merchant's decision on a refund request ({@code action} of update-refund-progress): an open set, so a value WeChat Pay adds later still parses and keeps its text.
 *
 * <p>
 * Compare with the constants ({@code equals}); {@link #isKnown()} tells whether this version of the starter knows
 * the value.
 *
 * @param value the value exactly as WeChat Pay writes it
 * @since 0.1.0
 */
public record RefundAction(String value) {

	/** {@code APPROVE}: 同意退款: the merchant will refund through the refund API. */
	public static final RefundAction APPROVE = new RefundAction("APPROVE");

	/** {@code REJECT}: 拒绝退款: the refund is refused and the complaint completes. */
	public static final RefundAction REJECT = new RefundAction("REJECT");

	private static final Set<RefundAction> KNOWN = Set.of(APPROVE, REJECT);

	public RefundAction {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * The value for a text WeChat Pay sent, known or not.
	 * @param value the text
	 * @return the value
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static RefundAction of(String value) {
		return new RefundAction(value);
	}

	@JsonValue
	@Override
	public String value() {
		return this.value;
	}

	/**
	 * Whether the value is one this version of the starter documents as a constant.
	 * @return {@code false} for a value WeChat Pay added later
	 */
	public boolean isKnown() {
		return KNOWN.contains(this);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
