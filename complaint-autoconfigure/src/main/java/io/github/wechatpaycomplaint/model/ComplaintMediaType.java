package io.github.wechatpaycomplaint.model;

import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Kind of images in a complaint's {@code complaint_media_list} ({@code media_type}): an open set, so a value WeChat Pay adds later still parses and keeps its text.
 *
 * <p>
 * Compare with the constants ({@code equals}); {@link #isKnown()} tells whether this version of the starter knows
 * the value.
 *
 * @param value the value exactly as WeChat Pay writes it
 * @since 0.1.0
 */
public record ComplaintMediaType(String value) {

	/** {@code USER_COMPLAINT_IMAGE}: images the user uploaded when filing the complaint. */
	public static final ComplaintMediaType USER_COMPLAINT_IMAGE = new ComplaintMediaType("USER_COMPLAINT_IMAGE");

	/** {@code OPERATION_IMAGE}: images the user, the merchant or WeChat Pay staff uploaded while negotiating. */
	public static final ComplaintMediaType OPERATION_IMAGE = new ComplaintMediaType("OPERATION_IMAGE");

	private static final Set<ComplaintMediaType> KNOWN = Set.of(USER_COMPLAINT_IMAGE, OPERATION_IMAGE);

	public ComplaintMediaType {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * The value for a text WeChat Pay sent, known or not.
	 * @param value the text
	 * @return the value
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ComplaintMediaType of(String value) {
		return new ComplaintMediaType(value);
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
