package io.github.wechatpaycomplaint.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.wechatpaycomplaint.OpenEnum;
import org.jspecify.annotations.Nullable;

/**
 * Kind of a complaint's {@code additional_info} ({@code type}). An open enum: a value
 * WeChat Pay adds later reads as {@link #UNKNOWN} and {@link AdditionalInfo#rawType()}
 * keeps its text.
 *
 * @since 0.1.0
 */
public enum AdditionalInfoType {

	/** 充电宝: a power-bank rental complaint, with {@code share_power_info}. */
	SHARE_POWER_TYPE,

	/** A value this version does not know. */
	UNKNOWN;

	private static final OpenEnum<AdditionalInfoType> VALUES = OpenEnum.of(AdditionalInfoType.class);

	/**
	 * The constant for a text WeChat Pay wrote.
	 * @param text the text, may be {@code null}
	 * @return the constant, {@link #UNKNOWN} for a text this version does not know
	 */
	@JsonCreator
	public static AdditionalInfoType from(@Nullable String text) {
		return VALUES.from(text);
	}

}
