package io.github.wechatpaycomplaint.model;

import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Language of a Hong Kong answer ({@code mch_language} query parameter): an open set, so a value WeChat Pay adds later still parses and keeps its text.
 *
 * <p>
 * Compare with the constants ({@code equals}); {@link #isKnown()} tells whether this version of the starter knows
 * the value.
 *
 * @param value the value exactly as WeChat Pay writes it
 * @since 0.1.0
 */
public record MchLanguage(String value) {

	/** {@code ZH_CN}: Simplified Chinese. */
	public static final MchLanguage ZH_CN = new MchLanguage("ZH_CN");

	/** {@code ZH_TW}: Traditional Chinese (Taiwan). */
	public static final MchLanguage ZH_TW = new MchLanguage("ZH_TW");

	/** {@code ZH_HK}: Traditional Chinese (Hong Kong). */
	public static final MchLanguage ZH_HK = new MchLanguage("ZH_HK");

	/** {@code EN}: English. */
	public static final MchLanguage EN = new MchLanguage("EN");

	/** {@code JA}: Japanese. */
	public static final MchLanguage JA = new MchLanguage("JA");

	/** {@code KO}: Korean. */
	public static final MchLanguage KO = new MchLanguage("KO");

	/** {@code TH}: Thai. */
	public static final MchLanguage TH = new MchLanguage("TH");

	/** {@code VI}: Vietnamese. */
	public static final MchLanguage VI = new MchLanguage("VI");

	/** {@code RU}: Russian. */
	public static final MchLanguage RU = new MchLanguage("RU");

	/** {@code DE}: German. */
	public static final MchLanguage DE = new MchLanguage("DE");

	/** {@code FR}: French. */
	public static final MchLanguage FR = new MchLanguage("FR");

	/** {@code AR}: Arabic. */
	public static final MchLanguage AR = new MchLanguage("AR");

	/** {@code ES}: Spanish. */
	public static final MchLanguage ES = new MchLanguage("ES");

	private static final Set<MchLanguage> KNOWN = Set.of(ZH_CN, ZH_TW, ZH_HK, EN, JA, KO, TH, VI, RU, DE, FR, AR, ES);

	public MchLanguage {
		Objects.requireNonNull(value, "value");
	}

	/**
	 * The value for a text WeChat Pay sent, known or not.
	 * @param value the text
	 * @return the value
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static MchLanguage of(String value) {
		return new MchLanguage(value);
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
