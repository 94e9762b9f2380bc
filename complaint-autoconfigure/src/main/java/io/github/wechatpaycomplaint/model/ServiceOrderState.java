package io.github.wechatpaycomplaint.model;

import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * State of a PayScore service order at the time of the complaint ({@code service_order_info[].state}): an open set, so a value WeChat Pay adds later still parses and keeps its text.
 *
 * <p>
 * Compare with the constants ({@code equals}); {@link #isKnown()} tells whether this version of the starter knows
 * the value.
 *
 * @param value the value exactly as WeChat Pay writes it
 * @since 0.1.0
 */
public record ServiceOrderState(String value) {

	/** {@code DOING}: 服务进行中: in service. */
	public static final ServiceOrderState DOING = new ServiceOrderState("DOING");

	/** {@code REVOKED}: 已取消: cancelled. */
	public static final ServiceOrderState REVOKED = new ServiceOrderState("REVOKED");

	/** {@code WAITPAY}: 待支付: waiting for payment (formerly CREATED). */
	public static final ServiceOrderState WAITPAY = new ServiceOrderState("WAITPAY");

	/** {@code DONE}: 已完成: done. */
	public static final ServiceOrderState DONE = new ServiceOrderState("DONE");

	private static final Set<ServiceOrderState> KNOWN = Set.of(DOING, REVOKED, WAITPAY, DONE);

	public ServiceOrderState {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * The value for a text WeChat Pay sent, known or not.
	 * @param value the text
	 * @return the value
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ServiceOrderState of(String value) {
		return new ServiceOrderState(value);
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
