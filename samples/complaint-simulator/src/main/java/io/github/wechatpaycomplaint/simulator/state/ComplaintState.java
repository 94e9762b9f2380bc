package io.github.wechatpaycomplaint.simulator.state;

/**
 * The states of a complaint ({@code complaint_state}).
 *
 * @since 0.1.0
 */
public enum ComplaintState {

	/** 待处理: filed, no merchant reply yet. */
	PENDING,

	/** 处理中: the merchant has replied. */
	PROCESSING,

	/** 已处理完成: completed by the merchant, or refund rejected or arrived. */
	PROCESSED

}
