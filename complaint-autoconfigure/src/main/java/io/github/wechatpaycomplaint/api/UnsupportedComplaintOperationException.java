package io.github.wechatpaycomplaint.api;

import io.github.wechatpaycomplaint.WechatPayException;

/**
 * An operation (or a field) that WeChat Pay does not offer on the configured endpoint,
 * refused before any call, e.g. the refund approval on the Hong Kong endpoint.
 *
 * @since 0.1.0
 */
public class UnsupportedComplaintOperationException extends WechatPayException {

	private final String operation;

	/**
	 * Creates the exception.
	 * @param operation the operation, e.g. {@code update-refund-progress}
	 * @param endpointDescription where it is not offered, e.g.
	 * {@code the Hong Kong endpoint}
	 */
	public UnsupportedComplaintOperationException(String operation, String endpointDescription) {
		super("WeChat Pay does not offer " + operation + " on " + endpointDescription);
		this.operation = operation;
	}

	/**
	 * The operation.
	 * @return e.g. {@code response-immediate-service}
	 */
	public String getOperation() {
		return this.operation;
	}

}
