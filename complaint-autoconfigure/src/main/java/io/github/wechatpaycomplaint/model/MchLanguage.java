package io.github.wechatpaycomplaint.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.wechatpaycomplaint.OpenEnum;
import org.jspecify.annotations.Nullable;

/**
 * Language of a Hong Kong answer ({@code mch_language} query parameter). An open enum: a
 * query refuses {@link #UNKNOWN}, which has no text to send.
 *
 * @since 0.1.0
 */
public enum MchLanguage {

	/** Simplified Chinese. */
	ZH_CN,

	/** Traditional Chinese (Taiwan). */
	ZH_TW,

	/** Traditional Chinese (Hong Kong). */
	ZH_HK,

	/** English. */
	EN,

	/** Japanese. */
	JA,

	/** Korean. */
	KO,

	/** Thai. */
	TH,

	/** Vietnamese. */
	VI,

	/** Russian. */
	RU,

	/** German. */
	DE,

	/** French. */
	FR,

	/** Arabic. */
	AR,

	/** Spanish. */
	ES,

	/** A value this version does not know. */
	UNKNOWN;

	private static final OpenEnum<MchLanguage> VALUES = OpenEnum.of(MchLanguage.class);

	/**
	 * The constant for a text WeChat Pay wrote.
	 * @param text the text, may be {@code null}
	 * @return the constant, {@link #UNKNOWN} for a text this version does not know
	 */
	@JsonCreator
	public static MchLanguage from(@Nullable String text) {
		return VALUES.from(text);
	}

}
