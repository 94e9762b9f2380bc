package io.github.wechatpaycomplaint.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.wechatpaycomplaint.OpenEnum;
import org.jspecify.annotations.Nullable;

/**
 * State of a PayScore service order at the time of the complaint
 * ({@code service_order_info[].state}). An open enum: a value WeChat Pay adds later reads
 * as {@link #UNKNOWN} and {@link ServiceOrder#rawState()} keeps its text.
 *
 * @since 0.1.0
 */
public enum ServiceOrderState {

	/** 服务进行中: in service. */
	DOING,

	/** 已取消: cancelled. */
	REVOKED,

	/** 待支付: waiting for payment (formerly CREATED). */
	WAITPAY,

	/** 已完成: done. */
	DONE,

	/** A value this version does not know. */
	UNKNOWN;

	// WeChat Pay renamed CREATED to WAITPAY in June 2022.
	private static final OpenEnum<ServiceOrderState> VALUES = OpenEnum.of(ServiceOrderState.class,
			Map.of("CREATED", WAITPAY));

	/**
	 * The constant for a text WeChat Pay wrote.
	 * @param text the text, may be {@code null}
	 * @return the constant, {@link #UNKNOWN} for a text this version does not know
	 */
	@JsonCreator
	public static ServiceOrderState from(@Nullable String text) {
		return VALUES.from(text);
	}

}
