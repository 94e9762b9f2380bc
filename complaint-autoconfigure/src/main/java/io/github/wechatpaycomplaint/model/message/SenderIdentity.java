package io.github.wechatpaycomplaint.model.message;

import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who wrote a rich message ({@code sender_identity}): an open set, so a value WeChat Pay adds later still parses and keeps its text.
 *
 * <p>
 * Compare with the constants ({@code equals}); {@link #isKnown()} tells whether this version of the starter knows
 * the value.
 *
 * @param value the value exactly as WeChat Pay writes it
 * @since 0.1.0
 */
public record SenderIdentity(String value) {

	/** {@code UNKNOWN}: not stated. */
	public static final SenderIdentity UNKNOWN = new SenderIdentity("UNKNOWN");

	/** {@code MANUAL}: a person. */
	public static final SenderIdentity MANUAL = new SenderIdentity("MANUAL");

	/** {@code MACHINE}: a bot. */
	public static final SenderIdentity MACHINE = new SenderIdentity("MACHINE");

	private static final Set<SenderIdentity> KNOWN = Set.of(UNKNOWN, MANUAL, MACHINE);

	public SenderIdentity {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * The value for a text WeChat Pay sent, known or not.
	 * @param value the text
	 * @return the value
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static SenderIdentity of(String value) {
		return new SenderIdentity(value);
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
