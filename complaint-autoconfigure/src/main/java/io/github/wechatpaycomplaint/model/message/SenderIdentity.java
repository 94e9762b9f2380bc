package io.github.wechatpaycomplaint.model.message;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.wechatpaycomplaint.OpenEnum;
import org.jspecify.annotations.Nullable;

/**
 * Who wrote a rich message ({@code sender_identity}). An open enum: a value WeChat Pay
 * adds later reads as {@link #UNKNOWN} and {@link NormalMessage#rawSenderIdentity()}
 * keeps its text; the constructor taking this enum refuses {@link #UNKNOWN}.
 *
 * @since 0.1.0
 */
public enum SenderIdentity {

	/** A person. */
	MANUAL,

	/** A bot. */
	MACHINE,

	/**
	 * Not stated (WeChat Pay's own {@code UNKNOWN}), or a value this version does not
	 * know: the raw text tells which. Never sent: leave {@code sender_identity} out,
	 * which also means not stated.
	 */
	UNKNOWN;

	private static final OpenEnum<SenderIdentity> VALUES = OpenEnum.of(SenderIdentity.class);

	/**
	 * The constant for a text WeChat Pay wrote.
	 * @param text the text, may be {@code null}
	 * @return the constant, {@link #UNKNOWN} for a text this version does not know
	 */
	@JsonCreator
	public static SenderIdentity from(@Nullable String text) {
		return VALUES.from(text);
	}

}
