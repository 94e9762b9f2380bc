package io.github.wechatpaycomplaint.model;

import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Tag WeChat Pay puts on the complaining user ({@code user_tag_list[]}): an open set, so a value WeChat Pay adds later still parses and keeps its text.
 *
 * <p>
 * Compare with the constants ({@code equals}); {@link #isKnown()} tells whether this version of the starter knows
 * the value.
 *
 * @param value the value exactly as WeChat Pay writes it
 * @since 0.1.0
 */
public record UserTag(String value) {

	/** {@code TRUSTED}: 可信: the user may receive a fast refund. */
	public static final UserTag TRUSTED = new UserTag("TRUSTED");

	/** {@code HIGH_RISK}: 高风险: a high-risk complaint, to be handled first. */
	public static final UserTag HIGH_RISK = new UserTag("HIGH_RISK");

	private static final Set<UserTag> KNOWN = Set.of(TRUSTED, HIGH_RISK);

	public UserTag {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * The value for a text WeChat Pay sent, known or not.
	 * @param value the text
	 * @return the value
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static UserTag of(String value) {
		return new UserTag(value);
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
