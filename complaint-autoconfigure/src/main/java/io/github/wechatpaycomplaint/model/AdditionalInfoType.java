package io.github.wechatpaycomplaint.model;

import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Kind of a complaint's {@code additional_info} ({@code type}): an open set, so a value WeChat Pay adds later still parses and keeps its text.
 *
 * <p>
 * Compare with the constants ({@code equals}); {@link #isKnown()} tells whether this version of the starter knows
 * the value.
 *
 * @param value the value exactly as WeChat Pay writes it
 * @since 0.1.0
 */
public record AdditionalInfoType(String value) {

	/** {@code SHARE_POWER_TYPE}: 充电宝: a power-bank rental complaint, with {@code share_power_info}. */
	public static final AdditionalInfoType SHARE_POWER_TYPE = new AdditionalInfoType("SHARE_POWER_TYPE");

	private static final Set<AdditionalInfoType> KNOWN = Set.of(SHARE_POWER_TYPE);

	public AdditionalInfoType {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * The value for a text WeChat Pay sent, known or not.
	 * @param value the text
	 * @return the value
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static AdditionalInfoType of(String value) {
		return new AdditionalInfoType(value);
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
